-- The peer of the care-db reader: the tables and columns src/sources/care-db/layout.ts reads,
-- streamed with a plain COPY (no ORDER BY) and drained by node without parsing
-- (bench/peer-postgres/pg.ts drainCopy). The least any reader of the database has to do.
-- Rerun by hand:  psql postgres://postgres@127.0.0.1:5432/entrepot_bench_care -f bench/queries/care-db-peer.sql > /dev/null
COPY (SELECT "Id_patient", "Nom", "Prenom", "Sexe", "Adresse", "Ville", "Code_postal", "Pays", "EMail", "Tel", "Date", "Age", "Num_Secu", "Groupe_sanguin", "Poid", "Taille" FROM "Patient") TO STDOUT;
COPY (SELECT "Identifiant", "Civilite", "Categorie_professionnelle", "Nom", "Prenom", "Profession", "Type_identifiant", "Code_specialite" FROM "Professionnel_de_sante") TO STDOUT;
COPY (SELECT "Code_specialite", "Fonction", "Specialite" FROM "Specialites") TO STDOUT;
COPY (SELECT "Num_consultation", "Id_mut", "Id_patient", "Id_prof_sante", "Code_diag", "Motif", "Date", "Heure_debut", "Heure_fin" FROM "Consultation") TO STDOUT;
COPY (SELECT "Code_diag", "Diagnostic" FROM "Diagnostic") TO STDOUT;
COPY (SELECT "Id_Mut", "Nom" FROM "Mutuelle") TO STDOUT;
COPY (SELECT "Id_patient", "Id_mut" FROM "Adher") TO STDOUT;
COPY (SELECT "Num_consultation", "Code_CIS" FROM "Prescription") TO STDOUT;
COPY (SELECT "Code_CIS", "Denomination" FROM "Medicaments") TO STDOUT;
