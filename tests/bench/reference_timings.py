"""Reference timings for the socap benchmark (tests/bench/run.ts): the same metrics on the same
edges.csv (source,target,weight) with python-igraph or NetworkX, distances 1/weight for the path
metrics, weight for the others. Prints one JSON object {metric: seconds} on stdout.
Only the benchmark calls this; the test suite never needs Python.

usage: reference_timings.py igraph|networkx EDGES_CSV [--paths]
"""
import csv
import json
import sys
import time


def read_edges(path):
    ids, index, edges, weights = [], {}, [], []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for a, b, w in rows:
            for x in (a, b):
                if x not in index:
                    index[x] = len(ids)
                    ids.append(x)
            edges.append((index[a], index[b]))
            weights.append(float(w))
    return len(ids), edges, weights


def timed(out, name, f):
    t = time.perf_counter()
    f()
    out[name] = time.perf_counter() - t


def run_igraph(n, edges, weights, paths):
    import igraph as ig

    g = ig.Graph(n=n, edges=edges, directed=False)
    g.es["w"] = weights
    g.es["d"] = [1 / w for w in weights]
    out = {}
    if paths:
        timed(out, "betweenness", lambda: g.betweenness(weights="d"))
        timed(out, "closeness", lambda: g.closeness(weights="d"))
        timed(out, "harmonic", lambda: g.harmonic_centrality(weights="d"))
    timed(out, "pagerank", lambda: g.pagerank(weights="w"))
    timed(out, "eigenvector", lambda: g.eigenvector_centrality(weights="w"))
    timed(out, "constraint", lambda: g.constraint(weights="w"))
    timed(out, "louvain", lambda: g.community_multilevel(weights="w"))
    return out


def run_networkx(n, edges, weights, paths):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    for (a, b), w in zip(edges, weights):
        g.add_edge(a, b, w=w, d=1 / w)
    out = {}
    if paths:
        timed(out, "betweenness", lambda: nx.betweenness_centrality(g, weight="d"))
        timed(out, "closeness", lambda: nx.closeness_centrality(g, distance="d"))
        timed(out, "harmonic", lambda: nx.harmonic_centrality(g, distance="d"))
    timed(out, "pagerank", lambda: nx.pagerank(g, weight="w"))
    timed(out, "eigenvector", lambda: nx.eigenvector_centrality(g, weight="w", max_iter=1000))
    timed(out, "constraint", lambda: nx.constraint(g, weight="w"))
    timed(out, "louvain", lambda: nx.community.louvain_communities(g, weight="w", seed=42))
    return out


def main():
    lib, path = sys.argv[1], sys.argv[2]
    paths = "--paths" in sys.argv[3:]
    n, edges, weights = read_edges(path)
    run = run_igraph if lib == "igraph" else run_networkx
    print(json.dumps(run(n, edges, weights, paths)))


if __name__ == "__main__":
    main()
