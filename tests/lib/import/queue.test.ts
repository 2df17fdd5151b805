import { describe, expect, it } from 'vitest';
import { clearDone, counts, enqueue, nextToReview, nextWaiting, position, setStatus } from '../../../src/lib/import/queue.ts';

describe('import queue', () => {
  it('takes many files; unknown kinds fail at once with why; folder junk is skipped', () => {
    let q = enqueue([], [
      { name: 'a.txt', size: 1 }, { name: 'b.docx', path: '海丰县/b.docx', size: 2 }, { name: 'c.pdf', size: 3 },
      { name: '.DS_Store', size: 4 }, { name: 'd.csv', size: 5 },
    ]);
    expect(q.map((x) => [x.name, x.kind, x.status])).toEqual([
      ['a.txt', 'report', 'waiting'], ['b.docx', 'report', 'waiting'], ['c.pdf', 'report', 'failed'], ['d.csv', 'table', 'waiting'],
    ]);
    expect(q[1]!.path).toBe('海丰县/b.docx');
    expect(q[2]!.why!.problem_zh).toContain('.pdf');
    expect(nextWaiting(q)!.name).toBe('a.txt');
    q = setStatus(q, q[0]!.key, 'review');
    q = setStatus(q, q[1]!.key, 'review');
    expect(nextWaiting(q)!.name).toBe('d.csv');
    expect(nextToReview(q)!.name).toBe('a.txt');
    expect(nextToReview(q, q[0]!.key)!.name).toBe('b.docx');
    expect(nextToReview(q, q[1]!.key)!.name).toBe('a.txt');
    expect(position(q, q[1]!.key)).toEqual({ n: 2, total: 4 });
    q = setStatus(q, q[0]!.key, 'saved');
    expect(nextToReview(q, q[1]!.key)).toBeUndefined();
    expect(counts(q)).toMatchObject({ saved: 1, review: 1, failed: 1, waiting: 1 });
    expect(clearDone(q).map((x) => x.name)).toEqual(['b.docx', 'd.csv']);
  });
});
