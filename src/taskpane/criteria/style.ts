/**
 * The criteria view's look, on the pane's Fluent token custom properties (theme.ts),
 * laid out for a 320-pixel pane: labels above fields, tables with fixed narrow
 * columns, nothing wider than the pane.
 */
export const CRITERIA_CSS = `
.ita-criteria, .ita-criteria * { box-sizing: border-box; }
.ita-criteria { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.ita-criteria h2 { font-size: var(--fontSizeBase400); margin: 0; }
.ita-criteria h3 { font-size: var(--fontSizeBase300); margin: 12px 0 4px; }
.ita-criteria h4, .ita-criteria h5 { font-size: var(--fontSizeBase200); margin: 6px 0 2px; }
.ita-criteria .crit-bar { display: flex; flex-direction: column; gap: 6px; }
.ita-criteria .crit-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.ita-criteria .crit-body { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.ita-criteria .crit-field { display: flex; flex-direction: column; gap: 2px; margin: 4px 0; min-width: 0; }
.ita-criteria label, .ita-criteria legend { font-size: var(--fontSizeBase200); color: var(--colorNeutralForeground2); }
.ita-criteria input[type=text], .ita-criteria select, .ita-criteria textarea {
  font: inherit; font-size: var(--fontSizeBase300); padding: 4px 6px; min-width: 0; width: 100%;
  border: 1px solid var(--colorNeutralStroke1); border-radius: var(--borderRadiusMedium);
  background: var(--colorNeutralBackground1); color: var(--colorNeutralForeground1);
}
.ita-criteria textarea { resize: vertical; }
.ita-criteria input.crit-narrow { max-width: 6em; }
.ita-criteria input:disabled, .ita-criteria select:disabled, .ita-criteria textarea:disabled {
  background: var(--colorNeutralBackgroundDisabled); color: var(--colorNeutralForegroundDisabled);
}
.ita-criteria .crit-group { border: 1px solid var(--colorNeutralStroke2); border-radius: var(--borderRadiusMedium);
  margin: 4px 0; padding: 4px 8px 8px; min-width: 0; }
.ita-criteria .crit-group legend { font-weight: var(--fontWeightSemibold); color: var(--colorNeutralForeground1); padding: 0 4px; }
.ita-criteria .crit-inline { border: 0; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.ita-criteria .crit-inline legend { padding: 0; margin-bottom: 2px; }
.ita-criteria .crit-check { display: inline-flex; align-items: center; gap: 4px; margin: 4px 0; }
.ita-criteria .crit-check label { color: var(--colorNeutralForeground1); font-size: var(--fontSizeBase300); }
.ita-criteria .crit-table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-table th, .ita-criteria .crit-table td { text-align: left; padding: 2px; vertical-align: top;
  border-bottom: 1px solid var(--colorNeutralStroke2); overflow-wrap: anywhere; }
.ita-criteria .crit-tools th:nth-child(1), .ita-criteria .crit-tools td:nth-child(1) { width: 22%; }
.ita-criteria .crit-tools th:nth-child(3), .ita-criteria .crit-tools td:nth-child(3) { width: 22%; }
.ita-criteria .crit-tools th:nth-child(4), .ita-criteria .crit-tools td:nth-child(4) { width: 40px; }
.ita-criteria .crit-tools tfoot th, .ita-criteria .crit-tools tfoot td { font-weight: var(--fontWeightSemibold); }
.ita-criteria .crit-names input + input { margin-top: 2px; }
.ita-criteria .crit-actions { white-space: nowrap; }
.ita-criteria button.crit-icon { min-width: 32px; padding: 2px 6px; }
.ita-criteria .crit-condition { display: grid; grid-template-columns: 1fr 4.5em 4.5em 36px; gap: 4px; align-items: end;
  border-top: 1px dashed var(--colorNeutralStroke2); padding-top: 4px; }
.ita-criteria .crit-condition .crit-field { margin: 0; }
.ita-criteria .crit-list { list-style: none; padding: 0; margin: 0; }
.ita-criteria .crit-indicator { border: 1px solid var(--colorNeutralStroke2); border-radius: var(--borderRadiusMedium); margin: 4px 0; }
.ita-criteria .crit-indicator > summary { cursor: pointer; padding: 6px 8px; font-weight: var(--fontWeightSemibold); }
.ita-criteria .crit-indicator > .crit-group { border: 0; margin: 0; }
.ita-criteria .crit-add > summary { cursor: pointer; color: var(--colorBrandForeground1); padding: 4px 0; }
.ita-criteria .crit-add-question { border-top: 1px solid var(--colorNeutralStroke2); margin-top: 6px; padding-top: 4px; }
.ita-criteria .crit-findings { list-style: none; padding: 0; margin: 4px 0; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-findings li { border-left: 3px solid var(--colorPaletteRedBorder2, #a4262c); padding: 2px 6px; margin: 2px 0;
  color: var(--colorPaletteRedForeground1, #a4262c); }
.ita-criteria .crit-findings li[data-severity=warning] { border-left-color: var(--colorPaletteYellowBorder2, #8a6d00);
  color: var(--colorNeutralForeground1); }
.ita-criteria .crit-where { color: var(--colorNeutralForeground3); }
.ita-criteria .crit-error { color: var(--colorPaletteRedForeground1, #a4262c); margin: 4px 0; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-broken { color: var(--colorPaletteRedForeground1, #a4262c); margin: 2px 0; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-status { margin: 0; min-height: 1.2em; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-status[data-kind=error] { color: var(--colorPaletteRedForeground1, #a4262c); }
.ita-criteria .crit-status[data-kind=ok] { color: var(--colorPaletteGreenForeground1, #0b6a0b); }
.ita-criteria .crit-note { margin: 2px 0; font-size: var(--fontSizeBase200); color: var(--colorNeutralForeground2); }
.ita-criteria .crit-changes { margin: 4px 0; padding-left: 18px; font-size: var(--fontSizeBase200); }
.ita-criteria .crit-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
