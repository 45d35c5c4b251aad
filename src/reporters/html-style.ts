/** The page's only stylesheet, inlined: the HTML report loads no external asset. */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --skip: #6e7781; --xfail: #8250df; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
section.card > h2:first-child { margin-top: 0; }
h2 code { font-size: 17px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.muted { color: #59636e; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.method { display: inline-block; font-weight: 700; color: #fff; background: #0969da; border-radius: 4px; padding: 0 6px; margin-right: 6px; }
.method.POST { background: #1a7f37; }
.badge { display: inline-block; border-radius: 10px; padding: 0 7px; margin: 1px 2px 1px 0; font-size: 11.5px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.warn { background: var(--warn); }
.badge.skip { background: var(--skip); } .badge.xfail { background: var(--xfail); }
.badge.uncovered { background: #fff; color: var(--fail); border: 1px dashed var(--fail); }
.failures { border-color: var(--fail); }
.failures h2 { color: var(--fail); border: none; margin-top: 0; }
.ok { border-color: var(--pass); color: var(--pass); font-weight: 600; }
details > summary { cursor: pointer; }
td details > summary { white-space: nowrap; }
td.results { min-width: 120px; }
nav.jump { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; }
nav.jump a { white-space: nowrap; }
ul.cases { list-style: none; padding-left: 0; margin: 4px 0; }
ul.cases li { margin: 2px 0; }
[hidden] { display: none !important; }
[id] { scroll-margin-top: 56px; }
.search { position: sticky; top: 0; z-index: 1; background: #f6f8fa; padding: 8px 0; border-bottom: 1px solid var(--line); }
.search input { font: inherit; padding: 4px 8px; width: min(420px, 70%); border: 1px solid var(--line); border-radius: 6px; }
#toc ul { margin: 2px 0; padding-left: 20px; }
#toc > ul { columns: 2 320px; }
#toc li { break-inside: avoid; }
ul.tree { list-style: none; padding-left: 18px; margin: 2px 0; border-left: 1px dotted var(--line); }
ul.tree li { margin: 1px 0; }
ul.tree li.leaf { padding-left: 14px; }
code.key { font-weight: 600; }
.type { color: #0550ae; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.required { color: var(--fail); font-size: 11.5px; font-weight: 600; }
.constraints { color: #59636e; font-size: 12.5px; }
details.status { margin: 6px 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
.verdict { font-weight: 600; margin-right: 4px; } .verdict.accepted { color: var(--pass); } .verdict.refused { color: var(--fail); }
:target { outline: 2px solid #0969da; outline-offset: 2px; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  .search, nav.jump { display: none; }
  section.card { border: none; padding: 0; margin: 12px 0; }
  h2, h3 { break-after: avoid; }
  tr, li, pre { break-inside: avoid; }
  .badge { border: 1px solid #000; color: #000; background: #fff !important; }
  a { color: inherit; text-decoration: none; }
}
`;
