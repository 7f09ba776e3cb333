-- The hospital's care database (source 1) as the group's brief publishes it: quoted, mixed-case
-- names; the birth date is text. Column types as src/synth/writers/care-db.ts (TABLES, not
-- exported: once it is, this file should go). Keys are added after the bulk load (keys.sql), as a
-- DBA restoring a dump would; there are no foreign keys because real copies break them.
DROP TABLE IF EXISTS "Patient", "Professionnel_de_sante", "Specialites", "Consultation", "Diagnostic",
  "Mutuelle", "Adher", "Prescription", "Medicaments", "Salle", "Laboratoire";
CREATE TABLE "Patient" ("Id_patient" integer, "Nom" text, "Prenom" text, "Sexe" text, "Adresse" text, "Ville" text,
  "Code_postal" text, "Pays" text, "EMail" text, "Tel" text, "Date" text, "Age" integer, "Num_Secu" text,
  "Groupe_sanguin" text, "Poid" double precision, "Taille" integer);
CREATE TABLE "Professionnel_de_sante" ("Identifiant" varchar(11), "Civilite" text, "Categorie_professionnelle" text, "Nom" text,
  "Prenom" text, "Profession" text, "Type_identifiant" text, "Code_specialite" varchar(8));
CREATE TABLE "Specialites" ("Code_specialite" varchar(8), "Fonction" text, "Specialite" text);
CREATE TABLE "Consultation" ("Num_consultation" integer, "Id_mut" integer, "Id_patient" integer, "Id_prof_sante" text,
  "Code_diag" text, "Motif" text, "Date" date, "Heure_debut" time, "Heure_fin" time);
CREATE TABLE "Diagnostic" ("Code_diag" varchar(8), "Diagnostic" text);
CREATE TABLE "Mutuelle" ("Id_Mut" integer, "Nom" text, "Adresse" text);
CREATE TABLE "Adher" ("Id_patient" integer, "Id_mut" integer);
CREATE TABLE "Prescription" ("Num_consultation" integer, "Code_CIS" varchar(8));
CREATE TABLE "Medicaments" ("Code_CIS" varchar(8), "Denomination" text, "Forme" text, "Voie" text, "Id_labo" integer);
CREATE TABLE "Salle" ("Id_salle" integer, "Num_consultation" integer, "Code_bloc" text, "Num_etage" integer, "Num_salle" integer);
CREATE TABLE "Laboratoire" ("Id_labo" integer, "Laboratoire" text, "Pays" text);
