-- model:   core.core_cim10_chapter
-- grain:   one row per CIM-10 chapter (I–XXII), with its range of three-character blocks
-- depends:
-- The chapter of a code follows from its block, `first_block <= left(code, 3) <= last_block`.
-- Chapters take whole letters except D (split between II and III) and H (VII and VIII); a block
-- in no range (D49, D90–D99) has no chapter, which the quality report shows.
select * from (values
  (1,  'I',     'A00', 'B99', 'Certaines maladies infectieuses et parasitaires'),
  (2,  'II',    'C00', 'D48', 'Tumeurs'),
  (3,  'III',   'D50', 'D89', 'Maladies du sang et des organes hématopoïétiques et certains troubles du système immunitaire'),
  (4,  'IV',    'E00', 'E99', 'Maladies endocriniennes, nutritionnelles et métaboliques'),
  (5,  'V',     'F00', 'F99', 'Troubles mentaux et du comportement'),
  (6,  'VI',    'G00', 'G99', 'Maladies du système nerveux'),
  (7,  'VII',   'H00', 'H59', 'Maladies de l''œil et de ses annexes'),
  (8,  'VIII',  'H60', 'H95', 'Maladies de l''oreille et de l''apophyse mastoïde'),
  (9,  'IX',    'I00', 'I99', 'Maladies de l''appareil circulatoire'),
  (10, 'X',     'J00', 'J99', 'Maladies de l''appareil respiratoire'),
  (11, 'XI',    'K00', 'K99', 'Maladies de l''appareil digestif'),
  (12, 'XII',   'L00', 'L99', 'Maladies de la peau et du tissu cellulaire sous-cutané'),
  (13, 'XIII',  'M00', 'M99', 'Maladies du système ostéo-articulaire, des muscles et du tissu conjonctif'),
  (14, 'XIV',   'N00', 'N99', 'Maladies de l''appareil génito-urinaire'),
  (15, 'XV',    'O00', 'O99', 'Grossesse, accouchement et puerpéralité'),
  (16, 'XVI',   'P00', 'P99', 'Certaines affections dont l''origine se situe dans la période périnatale'),
  (17, 'XVII',  'Q00', 'Q99', 'Malformations congénitales et anomalies chromosomiques'),
  (18, 'XVIII', 'R00', 'R99', 'Symptômes, signes et résultats anormaux d''examens cliniques et de laboratoire, non classés ailleurs'),
  (19, 'XIX',   'S00', 'T99', 'Lésions traumatiques, empoisonnements et certaines autres conséquences de causes externes'),
  (20, 'XX',    'V00', 'Y99', 'Causes externes de morbidité et de mortalité'),
  (21, 'XXI',   'Z00', 'Z99', 'Facteurs influant sur l''état de santé et motifs de recours aux services de santé'),
  (22, 'XXII',  'U00', 'U99', 'Codes d''utilisation particulière')
) as t(chapter_number, chapter, first_block, last_block, chapter_label)
