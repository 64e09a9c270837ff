// The explanation generator is a pure function: each case below states the facts and the exact text.
import { describe, expect, it } from 'vitest';
import { explainActor, listNames, ordinal, type ExplainInput } from '../../server/explain.js';

const base: ExplainInput = {
  label: 'Ana',
  actors: 21,
  ties: 5,
  groupAttribute: 'department',
  ownGroup: 'sales',
  tieGroups: [
    { name: 'sales', ties: 2 },
    { name: 'r&d', ties: 2 },
    { name: 'ops', ties: 1 },
  ],
  ownCommunity: '1',
  tieCommunities: [
    { name: '1', ties: 4 },
    { name: '0', ties: 1 },
  ],
  constraint: { value: 0.1935034558568564, lowerThan: 95, higherThan: 5 },
  betweenness: { value: 0.11052631578947368, rank: 1 },
  roles: { coordinator: 3, itinerant: 0, gatekeeper: 6, representative: 0, liaison: 28 },
};

describe('explainActor', () => {
  it('names the groups and communities the ties reach, constraint, betweenness rank and roles', () => {
    expect(explainActor(base)).toBe(
      'Ana has 5 ties. ' +
        'Its ties reach 3 department groups (r&d, sales and ops); 3 ties of 5 lead into 2 department groups besides its own (sales). ' +
        'They reach 2 communities (1 and 0); 1 tie of 5 leads into 1 community besides its own (1). ' +
        'Its constraint is 0.194, lower than 95% of actors: it spans structural holes. ' +
        'It ranks 1st of 21 actors by betweenness (0.111, the normalized share of shortest paths between other actors that pass through it). ' +
        'Brokerage roles: 3 as coordinator (between two members of its own group), 6 as gatekeeper (letting others into its group) and 28 as liaison (between two other groups).',
    );
  });

  it('says when a constrained actor spans few holes, and when it brokers no path', () => {
    const text = explainActor({
      ...base,
      constraint: { value: 0.5, lowerThan: 10, higherThan: 85.71428571428571 },
      betweenness: { value: 0, rank: 12 },
      roles: { coordinator: 0, liaison: 0 },
    });
    expect(text).toContain('Its constraint is 0.500, higher than 86% of actors: its contacts are tied to one another, so it spans few structural holes.');
    expect(text).toContain('No shortest path between other actors runs through it (betweenness 0).');
    expect(text).toContain('It holds no brokerage role between groups.');
  });

  it('grades the middle of the constraint range as some structural holes', () => {
    expect(explainActor({ ...base, constraint: { value: 0.2047, lowerThan: 55, higherThan: 45 } })).toContain(
      'Its constraint is 0.205, lower than 55% of actors: it spans some structural holes.',
    );
  });

  it('handles ties that all stay inside, or all leave, the own group', () => {
    const inside = explainActor({ ...base, tieGroups: [{ name: 'sales', ties: 5 }], tieCommunities: null, constraint: null, betweenness: null, roles: null });
    expect(inside).toBe('Ana has 5 ties. Its ties reach 1 department group (sales), all inside its own (sales).');
    const outside = explainActor({
      ...base,
      ownGroup: '0',
      tieGroups: [
        { name: '2', ties: 3 },
        { name: '1', ties: 2 },
      ],
      tieCommunities: null,
      constraint: null,
      betweenness: null,
      roles: null,
    });
    expect(outside).toBe('Ana has 5 ties. Its ties reach 2 department groups (2 and 1), none of them its own (0).');
  });

  it('uses communities alone when the group is the community fallback', () => {
    const text = explainActor({ ...base, groupAttribute: 'community', constraint: null, betweenness: null, roles: null });
    expect(text).toBe('Ana has 5 ties. Its ties reach 2 communities (1 and 0); 1 tie of 5 leads into 1 community besides its own (1).');
  });

  it('explains an isolate in one sentence', () => {
    expect(explainActor({ ...base, ties: 0, tieGroups: [], tieCommunities: [], constraint: null, betweenness: null })).toBe(
      'Ana has no ties in this run, so it spans no structural holes and brokers nothing.',
    );
  });
});

describe('text helpers', () => {
  it('ordinal', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
  it('listNames', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['a'])).toBe('a');
    expect(listNames(['a', 'b'])).toBe('a and b');
    expect(listNames(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listNames(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });
});
