// The plain-language explanation of why an actor scores as it does, for the viewer's detail panel.
// A pure function of facts the node-detail route gathers: which groups and communities the actor's
// ties reach, how its constraint compares with the other actors', its betweenness rank and its
// brokerage role counts (Gould & Fernandez 1989). Cost: O(groups + communities).

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** How many of the actor's ties lead into one group or community. */
export interface TieSpread {
  name: string;
  ties: number;
}

export interface ExplainInput {
  label: string;
  /** Actors in the run. */
  actors: number;
  /** Ties of the actor. */
  ties: number;
  /** The run's group attribute (e.g. `department`); null when the run has none. */
  groupAttribute: string | null;
  ownGroup: string | null;
  /** Groups of the actor's contacts (contacts without a group left out). */
  tieGroups: TieSpread[];
  /** Community of the actor, when the run has communities. */
  ownCommunity: string | null;
  tieCommunities: TieSpread[] | null;
  /**
   * Constraint and how it compares: `lowerThan` = % of the other actors with a higher constraint,
   * `higherThan` = % with a lower one. Null when the run has no constraint or the actor has none.
   */
  constraint: { value: number; lowerThan: number; higherThan: number } | null;
  /** Betweenness and its rank (1 = highest; ties share the best rank). */
  betweenness: { value: number; rank: number } | null;
  /** Brokerage role counts, when the run computed them. */
  roles: Partial<Record<BrokerageRole, number>> | null;
}

const ROLE_NAMES: Record<BrokerageRole, string> = {
  coordinator: 'coordinator (between two members of its own group)',
  itinerant: 'itinerant broker (between two members of another group)',
  gatekeeper: 'gatekeeper (letting others into its group)',
  representative: 'representative (speaking for its group to others)',
  liaison: 'liaison (between two other groups)',
};

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "a", "a and b", "a, b and c", "a, b, c, d, e and 3 more". */
export function listNames(names: string[], max = 5): string {
  if (names.length === 0) return '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const pct = (x: number): string => `${Math.round(x)}%`;

function spread(subject: string, kind: [one: string, many: string], own: string | null, reach: TieSpread[], ties: number): string {
  const sorted = [...reach].sort((a, b) => b.ties - a.ties || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let text = `${subject} reach ${plural(sorted.length, ...kind)} (${listNames(sorted.map((s) => s.name))})`;
  if (own !== null) {
    const outside = sorted.filter((s) => s.name !== own);
    const outTies = outside.reduce((a, s) => a + s.ties, 0);
    if (outside.length === 0) text += `, all inside its own (${own})`;
    else if (outTies === ties) text += `, none of them its own (${own})`;
    else text += `; ${plural(outTies, 'tie')} of ${ties} ${outTies === 1 ? 'leads' : 'lead'} into ${plural(outside.length, ...kind)} besides its own (${own})`;
  }
  return text + '.';
}

export function explainActor(x: ExplainInput): string {
  if (x.ties === 0) return `${x.label} has no ties in this run, so it spans no structural holes and brokers nothing.`;
  const parts: string[] = [];
  parts.push(`${x.label} has ${plural(x.ties, 'tie')}.`);
  const byGroup = x.groupAttribute !== null && x.groupAttribute !== 'community' && x.tieGroups.length > 0;
  if (byGroup) parts.push(spread('Its ties', [`${x.groupAttribute} group`, `${x.groupAttribute} groups`], x.ownGroup, x.tieGroups, x.ties));
  if (x.tieCommunities !== null && x.tieCommunities.length > 0) {
    parts.push(spread(byGroup ? 'They' : 'Its ties', ['community', 'communities'], x.ownCommunity, x.tieCommunities, x.ties));
  }
  if (x.constraint !== null) {
    const c = x.constraint;
    const v = c.value.toPrecision(3);
    if (c.lowerThan >= 50) {
      const holes = c.lowerThan >= 75 ? 'it spans structural holes' : 'it spans some structural holes';
      parts.push(`Its constraint is ${v}, lower than ${pct(c.lowerThan)} of actors: ${holes}.`);
    }
    else
      parts.push(
        `Its constraint is ${v}, higher than ${pct(c.higherThan)} of actors: its contacts are tied to one another, so it spans few structural holes.`,
      );
  }
  if (x.betweenness !== null) {
    const b = x.betweenness;
    parts.push(
      b.value > 0
        ? `It ranks ${ordinal(b.rank)} of ${x.actors} actors by betweenness (${b.value.toPrecision(3)}, the normalized share of shortest paths between other actors that pass through it).`
        : 'No shortest path between other actors runs through it (betweenness 0).',
    );
  }
  if (x.roles !== null) {
    const held = BROKERAGE_ROLES.filter((r) => (x.roles![r] ?? 0) > 0);
    if (held.length === 0) parts.push('It holds no brokerage role between groups.');
    else parts.push(`Brokerage roles: ${listNames(held.map((r) => `${x.roles![r]} as ${ROLE_NAMES[r]}`), BROKERAGE_ROLES.length)}.`);
  }
  return parts.join(' ');
}
