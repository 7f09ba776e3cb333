import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, sample, Scrambler, WeightedPicker } from './random.ts';

describe('Rng', () => {
  it('gives the same stream for the same seed, stream name and index', () => {
    const draw = (seed: number, stream: string, index: number): number[] => {
      const rng = new Rng(seed, stream, index);
      return Array.from({ length: 5 }, () => rng.uint32());
    };
    assert.deepEqual(draw(42, 'patient', 7), draw(42, 'patient', 7));
    assert.notDeepEqual(draw(42, 'patient', 7), draw(43, 'patient', 7));
    assert.notDeepEqual(draw(42, 'patient', 7), draw(42, 'patient', 8));
    assert.notDeepEqual(draw(42, 'patient', 7), draw(42, 'care', 7));
  });

  it('draws integers within bounds, both included', () => {
    const rng = new Rng(1, 'bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });
});

describe('Scrambler', () => {
  it('maps distinct numbers to distinct numbers', () => {
    const scrambler = new Scrambler(5000, new Rng(9, 'ids'));
    const out = new Set(Array.from({ length: 5000 }, (_, i) => scrambler.map(i + 1)));
    assert.equal(out.size, 5000);
  });
});

describe('WeightedPicker and sample', () => {
  it('never picks a zero-weight item and samples without replacement', () => {
    const picker = new WeightedPicker(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1));
    const rng = new Rng(3, 'pick');
    for (let i = 0; i < 500; i++) assert.notEqual(picker.pick(rng), 'b');
    const drawn = sample(rng, [1, 2, 3, 4, 5], 5);
    assert.deepEqual([...drawn].sort(), [1, 2, 3, 4, 5]);
  });
});
