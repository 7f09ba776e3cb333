/**
 * Common French surnames and given names, accents included: accents are where encodings and
 * the death-registry name folding go wrong, so they must be frequent.
 */
export const SURNAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martínez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sánchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  "D'Angelo", 'Hébert', 'Lagarde', 'Desmoulins', 'Tardieu', 'Ferrand', 'Bellanger', 'Courtois', 'Vaillant', 'Sauvageot',
  'Kergoat', 'Quéméner', 'Le Bihan', 'Abgrall', 'Castellani', 'Santoni', 'Pietri', 'Giacomoni', 'Nguyen', 'Benali',
  'Haddad', 'Mansouri', 'Traoré', 'Diallo', 'Pereira', 'Dos Santos', 'Ferreira', 'Kowalski', 'Wagner', 'Zimmermann',
];

export const MALE_FIRST_NAMES: readonly string[] = [
  'Jean', 'Pierre', 'Michel', 'André', 'Philippe', 'Alain', 'Jacques', 'Bernard', 'Patrick', 'Daniel',
  'Christophe', 'Nicolas', 'Éric', 'Stéphane', 'Frédéric', 'Laurent', 'Sébastien', 'Julien', 'David', 'Thomas',
  'Olivier', 'Pascal', 'Gérard', 'Claude', 'François', 'Thierry', 'Jérôme', 'Christian', 'Dominique', 'Vincent',
  'Mathieu', 'Guillaume', 'Antoine', 'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Raphaël', 'Arthur', 'Jules',
  'Léo', 'Maël', 'Noé', 'Théo', 'Nathan', 'Enzo', 'Mathéo', 'Timothée', 'Benoît', 'Noël',
  'Joël', 'Loïc', 'Hervé', 'Gaël', 'René', 'Rémi', 'Jean-Pierre', 'Jean-Claude', 'Jean-Luc', 'Jean-François',
  'Marc-Antoine', 'Yannick', 'Cédric', 'Grégoire', 'Aurélien', 'Maxime', 'Adrien', 'Baptiste', 'Clément', 'Kévin',
];

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Françoise', 'Christine', 'Monique', 'Valérie', 'Sandrine',
  'Véronique', 'Sophie', 'Céline', 'Stéphanie', 'Nicole', 'Chantal', 'Martine', 'Anne', 'Julie', 'Aurélie',
  'Émilie', 'Camille', 'Laura', 'Manon', 'Léa', 'Chloé', 'Emma', 'Jade', 'Louise', 'Alice',
  'Inès', 'Zoé', 'Lina', 'Léna', 'Maëlys', 'Noémie', 'Hélène', 'Agnès', 'Cécile', 'Amélie',
  'Gaëlle', 'Anaïs', 'Joséphine', 'Thérèse', 'Geneviève', 'Élisabeth', 'Andrée', 'Solène', 'Clémence', 'Mélanie',
  'Marie-Hélène', 'Marie-Claire', 'Anne-Sophie', 'Marie-Christine', 'Jeanne', 'Simone', 'Odette', 'Yvette', 'Paulette', 'Brigitte',
  'Pauline', 'Margaux', 'Océane', 'Charlotte', 'Juliette', 'Ambre', 'Rose', 'Agathe', 'Bérénice', 'Noëlle',
];

export const STREET_TYPES: readonly [code: string, label: string][] = [
  ['R', 'rue'], ['AV', 'avenue'], ['BD', 'boulevard'], ['PL', 'place'], ['CHE', 'chemin'], ['ALL', 'allée'], ['IMP', 'impasse'], ['RTE', 'route'],
];

export const STREET_NAMES: readonly string[] = [
  'de la République', 'Victor Hugo', 'Jean Jaurès', 'de la Gare', 'du Général de Gaulle', 'Pasteur', 'de la Paix', 'des Écoles',
  'du Moulin', "de l'Église", 'Gambetta', 'Jules Ferry', 'Émile Zola', 'des Lilas', 'du Château', 'Anatole France',
  'de Verdun', 'Aristide Briand', 'des Acacias', 'Saint-Exupéry', 'du Stade', 'de la Libération', 'Louis Pasteur', 'des Tilleuls',
  'Clemenceau', 'du 8 Mai 1945', 'de Lattre de Tassigny', 'Frédéric Mistral', 'des Peupliers', 'de Bretagne', 'Nationale', 'du Port',
];

export const EMAIL_DOMAINS: readonly string[] = ['gmail.com', 'orange.fr', 'free.fr', 'wanadoo.fr', 'hotmail.fr', 'yahoo.fr', 'laposte.net', 'sfr.fr', 'outlook.fr'];
