// Neo4j settings from the environment and flags, and the one-line error when the server cannot be
// reached. No server: the connection attempts go to closed local ports or malformed URIs.
import { describe, expect, it } from 'vitest';
import { openNeo4jStore, neo4jConfigFromEnv } from '../../engine/store/neo4j.js';

describe('neo4jConfigFromEnv', () => {
  it('is undefined without a URI', () => {
    expect(neo4jConfigFromEnv({}, {})).toBeUndefined();
    expect(neo4jConfigFromEnv({}, { NEO4J_URI: '', NEO4J_USER: 'neo4j' })).toBeUndefined();
  });

  it('reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE', () => {
    const env = { NEO4J_URI: 'neo4j://db:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 's3cret', NEO4J_DATABASE: 'org' };
    expect(neo4jConfigFromEnv({}, env)).toEqual({ uri: 'neo4j://db:7687', user: 'neo4j', password: 's3cret', database: 'org' });
  });

  it('lets flags win over the environment, and treats empty values as unset', () => {
    const env = { NEO4J_URI: 'neo4j://db:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', NEO4J_DATABASE: 'org' };
    expect(neo4jConfigFromEnv({ uri: 'bolt://other:7687', database: 'hr', batchSize: 500 }, env)).toEqual({
      uri: 'bolt://other:7687',
      user: 'neo4j',
      database: 'hr',
      batchSize: 500,
    });
    expect(neo4jConfigFromEnv({ uri: 'bolt://x:7687' }, {})).toEqual({ uri: 'bolt://x:7687' });
  });
});

describe('openNeo4jStore', () => {
  it('fails with one line naming the URI when nothing listens there', async () => {
    const err = await openNeo4jStore({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: Failed to connect to server\./);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect((err as Error).message).not.toContain('\n');
  });

  it('releases the driver after a failure, so another URI can be tried', async () => {
    await expect(openNeo4jStore({ uri: 'bolt://127.0.0.1:1' })).rejects.toThrow(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
    await expect(openNeo4jStore({ uri: 'neo4j://127.0.0.1:2', user: 'u', password: 'p' })).rejects.toThrow(
      /^cannot reach Neo4j at neo4j:\/\/127\.0\.0\.1:2: /,
    );
  });

  it('names a URI the driver cannot use', async () => {
    await expect(openNeo4jStore({ uri: 'http://db.example:7474' })).rejects.toThrow(
      'cannot reach Neo4j at http://db.example:7474: Unknown scheme: http',
    );
  });

  it('rejects a batch size that is not a positive integer before connecting', async () => {
    await expect(openNeo4jStore({ uri: 'bolt://127.0.0.1:1', batchSize: 0 })).rejects.toThrow(
      'invalid Neo4j batch size 0: use a positive integer',
    );
  });
});
