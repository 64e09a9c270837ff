// The API docs page at /api/docs: a small self-contained page that fetches /api/openapi.json and
// renders every operation (parameters, request body, responses with their schemas). Script and
// style are served as files of their own (/api/docs.js, /api/docs.css): the CSP allows no inline
// script and no CDN.

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>socap REST API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs.css">
<script src="/api/docs.js" defer></script>
</head>
<body>
<header><h1>socap REST API</h1><p id="intro">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p></header>
<nav id="toc"></nav>
<main id="ops"></main>
</body>
</html>
`;

export const DOCS_CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 1.5rem;color:#222}
h1{margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.op{border:1px solid #ddd;border-radius:6px;margin:.8rem 0;padding:.4rem .8rem}
.op summary{cursor:pointer;font-family:ui-monospace,monospace}
.method{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#0b5cad}.delete{color:#b42318}
table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #e5e5e5;padding:.2rem .4rem;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px;max-height:24rem}
code{font-family:ui-monospace,monospace}td:last-child code{overflow-wrap:anywhere}
#toc a{margin-right:.8rem}
`;

export const DOCS_JS = `'use strict';
(function () {
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function schemaBlock(schema) { return el('pre', {}, [JSON.stringify(schema, null, 2)]); }
  function render(doc) {
    document.getElementById('intro').textContent = doc.info.description + ' Version ' + doc.info.version + '.';
    var byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
      });
    });
    var main = document.getElementById('ops');
    var toc = document.getElementById('toc');
    Object.keys(byTag).forEach(function (tag) {
      toc.appendChild(el('a', { href: '#tag-' + tag }, [tag]));
      main.appendChild(el('h2', { id: 'tag-' + tag }, [tag]));
      byTag[tag].forEach(function (o) {
        // security [{bearer}] = the token is needed; [{}, {bearer}] = optional (needed only when the server requires it for reads).
        var needsToken = (o.op.security || []).length > 0 && o.op.security.every(function (s) { return Object.keys(s).length > 0; });
        var body = [el('p', {}, [o.op.summary + (needsToken ? ' (needs the bearer token)' : '')])];
        if (o.op.description) body.push(el('p', {}, [o.op.description]));
        if (o.op.parameters && o.op.parameters.length) {
          var rows = o.op.parameters.map(function (p) {
            return el('tr', {}, [el('td', {}, [el('code', {}, [p.name])]), el('td', {}, [p.in]), el('td', {}, [p.required ? 'yes' : 'no']),
              el('td', {}, [el('code', {}, [JSON.stringify(p.schema)])])]);
          });
          body.push(el('table', {}, [el('tr', {}, [el('th', {}, ['parameter']), el('th', {}, ['in']), el('th', {}, ['required']), el('th', {}, ['schema'])])].concat(rows)));
        }
        if (o.op.requestBody) {
          Object.keys(o.op.requestBody.content).forEach(function (type) {
            body.push(el('h4', {}, ['request body: ' + type]));
            if (o.op.requestBody.description) body.push(el('p', {}, [o.op.requestBody.description]));
            body.push(schemaBlock(o.op.requestBody.content[type].schema));
          });
        }
        Object.keys(o.op.responses).forEach(function (status) {
          var r = o.op.responses[status];
          body.push(el('h4', {}, [status + ': ' + r.description]));
          Object.keys(r.content || {}).forEach(function (type) {
            if (status < 300) body.push(el('p', {}, [type]), schemaBlock(r.content[type].schema));
          });
        });
        main.appendChild(el('details', { class: 'op', id: o.op.operationId }, [
          el('summary', {}, [el('span', { class: 'method ' + o.method }, [o.method]), ' ' + o.path + '  ', el('small', {}, [o.op.summary])]),
        ].concat(body)));
      });
    });
  }
  fetch('/api/openapi.json').then(function (r) { return r.json(); }).then(render, function (e) {
    document.getElementById('intro').textContent = 'Could not load /api/openapi.json: ' + e;
  });
})();
`;
