-- lookup: the e-Satis surveys present in the warehouse, to refuse an unknown K8 survey
-- depends: marts.fact_satisfaction
select distinct f.survey
from marts.fact_satisfaction f
order by f.survey
