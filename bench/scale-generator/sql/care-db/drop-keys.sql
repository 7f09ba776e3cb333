ALTER TABLE "Consultation" DROP CONSTRAINT IF EXISTS "Consultation_pkey";
