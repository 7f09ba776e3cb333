import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { communeOfResidence, foldCity } from './communes.ts';

// Facts of the official geographic code (@etalab/decoupage-administratif), not of our code.
describe('commune of residence', () => {
  it('takes the only commune of a postal code, whatever the city is written', () => {
    assert.deepEqual(communeOfResidence('97400', 'St-Denis', 'France'), { kind: 'found', code: '97411' });
    assert.deepEqual(communeOfResidence('75015', 'PARIS 15', 'France'), { kind: 'found', code: '75056' });
  });

  it('picks among the communes sharing a postal code by their folded name', () => {
    // 01400 serves ten communes, L'Abergement-Clémenciat and Châtillon-sur-Chalaronne among them.
    assert.deepEqual(communeOfResidence('01400', "L'ABERGEMENT CLEMENCIAT", 'France'), { kind: 'found', code: '01001' });
    assert.deepEqual(communeOfResidence('01400', 'Châtillon sur Chalaronne', 'France'), { kind: 'found', code: '01093' });
    assert.deepEqual(communeOfResidence('01400', 'Bourg-en-Bresse', 'France'), { kind: 'unknown' });
  });

  it('knows former communes by their old name (Châtillon-en-Michaille is now Valserhône)', () => {
    assert.deepEqual(communeOfResidence('01200', 'Châtillon-en-Michaille', 'France'), { kind: 'found', code: '01033' });
  });

  it('puts back the leading zero a spreadsheet dropped, and tells a malformed code from an unknown one', () => {
    assert.deepEqual(communeOfResidence('1400', 'Romans', 'France'), { kind: 'found', code: '01328' });
    assert.deepEqual(communeOfResidence('00000', 'Nulle part', 'France'), { kind: 'unknown' });
    assert.deepEqual(communeOfResidence('75O15', 'Paris', 'France'), { kind: 'malformed', postalCode: '75O15' });
  });

  it('leaves foreign addresses without a commune, even when their postal code looks French', () => {
    assert.deepEqual(communeOfResidence('1000', 'Bruxelles', 'Belgique'), { kind: 'abroad' });
    assert.deepEqual(communeOfResidence('1400', 'Romans', null), { kind: 'found', code: '01328' });
  });

  it('folds accents, case, hyphens, apostrophes, Saint and Cedex', () => {
    assert.equal(foldCity("Saint-Étienne Cedex 2"), 'SAINT ETIENNE');
    assert.equal(foldCity('ST ETIENNE'), 'SAINT ETIENNE');
    assert.equal(foldCity("L'Haÿ-les-Roses"), 'L HAY LES ROSES');
  });
});
