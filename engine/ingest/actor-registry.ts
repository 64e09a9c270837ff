// The actors a source has declared, for sources that declare them before their interactions
// (folder nodes file, graphology JSON nodes, GraphML / GEXF <node>s). Validates and queues each
// actor row, rejects a second row with the same id, and answers for interaction endpoints whether
// the actor is known, unknown, or was declared by a rejected row.
// Cost: O(1) per row (hash map); memory O(actors).
import type { ActorCheck, IngestContext } from './ingest-context.js';
import { isProblem, quote, toActor, type ActorValues } from './row-values.js';

export interface RegistryWording {
  /** How to say where an actor is missing from, e.g. `not in nodes.csv`. */
  notDeclared: string;
  /** How to say its declaring row was rejected, e.g. `its row in nodes.csv was rejected`. */
  rejected: string;
  /** How to name the position of the first declaration, e.g. `first on line 4`. */
  firstAt: (line: number) => string;
}

export class ActorRegistry {
  /** Accepted ids and the line (or position) that declared each. */
  private readonly accepted = new Map<string, number>();
  /** Ids whose only declarations so far were rejected rows. */
  private readonly rejectedIds = new Set<string>();

  constructor(private readonly wording: RegistryWording) {}

  /** Validates one actor row and queues it on `ctx`, or reports why it is rejected. */
  offer(ctx: IngestContext, file: string, line: number, values: ActorValues, opts: { idColumn?: string; at?: string } = {}): void {
    const at = opts.at === undefined ? '' : ` ${opts.at}`;
    const actor = toActor(values, opts.idColumn);
    if (isProblem(actor)) {
      ctx.reject(file, line, actor.reason + at, actor.column);
      if (values.id !== undefined && values.id !== '' && !this.accepted.has(values.id)) this.rejectedIds.add(values.id);
      return;
    }
    const first = this.accepted.get(actor.id);
    if (first !== undefined) {
      ctx.reject(file, line, `duplicate actor id ${quote(actor.id)} (${this.wording.firstAt(first)})${at}`, opts.idColumn ?? 'id');
      return;
    }
    this.accepted.set(actor.id, line);
    this.rejectedIds.delete(actor.id);
    ctx.addActor(actor);
  }

  /** The endpoint check for ctx.offerInteraction. */
  readonly check: ActorCheck = (id) => {
    if (this.accepted.has(id)) return undefined;
    const where = this.rejectedIds.has(id) ? this.wording.rejected : this.wording.notDeclared;
    return `unknown actor ${quote(id)} (${where})`;
  };
}
