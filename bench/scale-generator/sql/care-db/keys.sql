-- Primary keys of the care database, added after the bulk load (and dropped before appending the
-- next consultation step, see drop-keys.sql).
ALTER TABLE "Patient" ADD PRIMARY KEY ("Id_patient");
ALTER TABLE "Professionnel_de_sante" ADD PRIMARY KEY ("Identifiant");
ALTER TABLE "Specialites" ADD PRIMARY KEY ("Code_specialite");
ALTER TABLE "Consultation" ADD PRIMARY KEY ("Num_consultation");
ALTER TABLE "Diagnostic" ADD PRIMARY KEY ("Code_diag");
ALTER TABLE "Mutuelle" ADD PRIMARY KEY ("Id_Mut");
ALTER TABLE "Medicaments" ADD PRIMARY KEY ("Code_CIS");
ALTER TABLE "Salle" ADD PRIMARY KEY ("Id_salle");
ALTER TABLE "Laboratoire" ADD PRIMARY KEY ("Id_labo");
ANALYZE;
