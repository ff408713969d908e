package dev.pilotgate.report;

/**
 * The page's only style sheet, inlined in its {@code <style>} element: a system font stack,
 * a calm grey page with white panels, outcome colours (GO green, HOLD amber, DIAGNOSE
 * orange, KILL red) whose text and fills meet WCAG AA contrast, and print rules (A4
 * landscape, colours kept, rows and charts never cut, each pilot on a new page).
 */
final class Style {
  private Style() {}

  static final String CSS = """
      :root {
        --ink: #1f2937; --muted: #5b6472; --line: #e3e6ea; --page: #f4f5f7; --card: #ffffff;
        --go: #1f7a4d; --go-tint: #e4f3ea; --go-ink: #135c38;
        --hold: #f2b705; --hold-tint: #fff5d6; --hold-ink: #6e4b00;
        --diagnose: #e36414; --diagnose-tint: #fde9dc; --diagnose-ink: #8a3a0b;
        --kill: #b42318; --kill-tint: #fbe4e1; --kill-ink: #8f1c13;
        --accent: #1d4ed8;
        color-scheme: light;
      }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body {
        margin: 0; background: var(--page); color: var(--ink);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
        font-variant-numeric: tabular-nums;
      }
      a { color: var(--accent); text-decoration: none; }
      a:hover, a:focus { text-decoration: underline; }
      a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .86em; }
      .masthead, main, .page-foot { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
      .masthead { padding-top: 36px; padding-bottom: 8px; }
      .eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
      h1 { margin: 4px 0 2px; font-size: 30px; line-height: 1.2; font-weight: 650; letter-spacing: -.01em; }
      h2 { margin: 0 0 4px; font-size: 20px; line-height: 1.3; font-weight: 650; }
      h3 { margin: 22px 0 10px; font-size: 13px; font-weight: 650; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
      .subtitle { margin: 0 0 20px; color: var(--muted); }
      .subtitle code { color: var(--ink); }
      .tallies { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; list-style: none; margin: 0; padding: 0; }
      .tally {
        background: var(--card); border-radius: 10px; padding: 14px 16px 12px; border-top: 5px solid var(--c);
        box-shadow: 0 1px 2px rgba(16, 24, 40, .06); display: grid; grid-template-columns: auto 1fr; column-gap: 10px; align-items: baseline;
      }
      .tally-n { font-size: 32px; font-weight: 700; line-height: 1.1; color: var(--ink); }
      .tally-o { font-weight: 700; letter-spacing: .04em; color: var(--i); }
      .tally-m { grid-column: 1 / -1; color: var(--muted); font-size: 13px; }
      .o-go { --c: var(--go); --t: var(--go-tint); --i: var(--go-ink); }
      .o-hold { --c: var(--hold); --t: var(--hold-tint); --i: var(--hold-ink); }
      .o-diagnose { --c: var(--diagnose); --t: var(--diagnose-tint); --i: var(--diagnose-ink); }
      .o-kill { --c: var(--kill); --t: var(--kill-tint); --i: var(--kill-ink); }
      main { padding-top: 22px; padding-bottom: 12px; }
      .panel, .pilot {
        background: var(--card); border-radius: 12px; padding: 24px 28px; margin: 0 0 22px;
        box-shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 8px rgba(16, 24, 40, .04);
      }
      .lede { margin: 0 0 14px; color: var(--muted); }
      figure { margin: 0; }
      svg { display: block; width: 100%; height: auto; overflow: visible; }
      svg text { font-family: inherit; fill: var(--ink); }
      .funnel-fig { max-width: 1000px; }
      .funnel .funnel-track { fill: #f1f3f5; }
      .funnel .stage-dot { fill: #eef2ff; stroke: #c7d2fe; }
      .funnel .stage-num { font-size: 13px; font-weight: 700; fill: #3730a3; }
      .funnel .stage-name { font-size: 15px; font-weight: 600; }
      .funnel .stage-empty { fill: #6b7280; }
      .funnel .stage-dot.stage-empty { fill: #f3f4f6; stroke: #d1d5db; }
      .funnel .funnel-count { font-size: 14px; fill: var(--muted); }
      .funnel-pilot { stroke: #fff; stroke-width: 1; }
      .funnel-pilot.o-go { fill: var(--go); }
      .funnel-pilot.o-hold { fill: var(--hold); }
      .funnel-pilot.o-diagnose { fill: var(--diagnose); }
      .funnel-pilot.o-kill { fill: var(--kill); }
      .funnel-label { font-size: 12px; font-weight: 650; pointer-events: none; }
      .funnel-outcome-label { font-size: 10.5px; font-weight: 600; letter-spacing: .05em; pointer-events: none; }
      .funnel text.t-go, .funnel text.t-kill { fill: #ffffff; }
      .funnel text.t-hold { fill: #3a2800; }
      .funnel text.t-diagnose { fill: #2b1000; }
      .legend { display: flex; flex-wrap: wrap; gap: 8px 22px; list-style: none; margin: 14px 0 0; padding: 0; color: var(--muted); font-size: 13px; }
      .legend b { color: var(--ink); font-weight: 650; letter-spacing: .03em; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; background: var(--c); margin-right: 6px; vertical-align: -1px; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; }
      table.decisions { table-layout: fixed; min-width: 860px; }
      .c-pilot { width: 16%; } .c-outcome { width: 12%; } .c-stage { width: 13%; }
      .c-ready { width: 11%; } .c-time { width: 11%; } .c-findings { width: 37%; }
      tbody th, tbody td { overflow-wrap: break-word; }
      caption { text-align: left; color: var(--muted); padding: 0 0 12px; }
      thead th {
        text-align: left; font-size: 12px; font-weight: 650; letter-spacing: .05em; text-transform: uppercase; color: var(--muted);
        border-bottom: 2px solid var(--line); padding: 8px 12px 8px 0;
      }
      tbody th, tbody td { text-align: left; vertical-align: top; padding: 14px 14px 14px 0; border-bottom: 1px solid var(--line); }
      tbody tr:last-child > * { border-bottom: 0; }
      tbody th { font-weight: 600; }
      tbody th a { color: var(--ink); }
      .pid { display: block; color: var(--muted); font-weight: 400; font-size: 12.5px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      .nowrap { white-space: nowrap; }
      .sub { display: block; color: var(--muted); font-size: 12.5px; }
      .overrun { color: var(--kill-ink); font-weight: 600; }
      .muted { color: var(--muted); }
      .badge {
        display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 8px; border-radius: 999px;
        background: var(--t); color: var(--i); border: 1px solid var(--c); font-weight: 700; font-size: 12.5px; letter-spacing: .05em; white-space: nowrap;
      }
      .badge .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--c); }
      .next { display: block; color: var(--muted); font-size: 12.5px; margin-top: 4px; }
      .pips { display: flex; gap: 3px; margin: 3px 0 5px; }
      .pip { width: 14px; height: 5px; border-radius: 3px; background: #e5e7eb; }
      .pip.done { background: #93a4c8; }
      .pip.now { background: #1e3a8a; }
      .ready { font-weight: 650; font-size: 13px; letter-spacing: .04em; }
      .r-high { color: var(--go-ink); }
      .r-medium { color: var(--hold-ink); }
      .r-low { color: var(--kill-ink); }
      .days b { font-weight: 650; }
      .bar { display: block; width: 100%; max-width: 120px; height: 6px; border-radius: 3px; background: #e5e7eb; margin: 5px 0 3px; overflow: hidden; }
      .bar > span { display: block; height: 100%; background: #64748b; }
      .bar.over > span { background: var(--kill); }
      .top-findings, .findings { list-style: none; margin: 0; padding: 0; }
      .top-findings .finding { margin: 0 0 10px; }
      .top-findings .finding:last-child { margin-bottom: 4px; }
      .finding .msg { margin: 2px 0 0; }
      .sev {
        display: inline-block; font-size: 10.5px; font-weight: 700; letter-spacing: .06em; padding: 1px 6px; border-radius: 4px;
        border: 1px solid currentColor; line-height: 1.4;
      }
      .sev-blocker .sev { color: var(--kill-ink); background: var(--kill-tint); }
      .sev-warning .sev { color: var(--hold-ink); background: var(--hold-tint); }
      .sev-info .sev { color: #334155; background: #eef2f6; }
      .evidence { margin: 3px 0 0; color: var(--muted); font-size: 12.5px; }
      .ev-k { color: #6b7280; }
      .more { font-size: 13px; }
      .pilot { border-left: 6px solid var(--c); }
      .pilot-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; }
      .pilot-head .badge { font-size: 14px; padding: 4px 14px 4px 10px; }
      .pilot-meta { margin: 0; color: var(--muted); font-size: 13.5px; }
      .pilot-meta .pid { display: inline; }
      .facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin: 18px 0 0; padding: 14px 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
      .facts dt { font-size: 12px; font-weight: 650; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
      .facts dd { margin: 4px 0 0; }
      .gaps { display: block; color: var(--muted); font-size: 12.5px; }
      .findings .finding { padding: 10px 0 10px 14px; border-left: 3px solid #e5e7eb; margin: 0 0 8px; }
      .findings .sev-blocker { border-left-color: var(--kill); }
      .findings .sev-warning { border-left-color: var(--hold); }
      .findings .code { color: #374151; margin-left: 4px; }
      .cause { color: var(--muted); font-size: 12.5px; margin-left: 6px; }
      .action { margin: 4px 0 0; font-size: 13.5px; }
      .action-k { font-weight: 650; }
      .topass { margin: 4px 0 0; font-size: 13.5px; }
      .topass-k { font-weight: 650; }
      .topass-now { color: var(--muted); }
      .waivers { list-style: none; margin: 0; padding: 0; }
      .waiver { margin: 0 0 6px; font-size: 13.5px; }
      .waiver-state { font-weight: 650; }
      .waiver-expired .waiver-state { color: var(--hold-ink); }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 18px; }
      .chart { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px 10px; }
      .chart figcaption { margin: 0 0 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
      .chart .metric { font-weight: 650; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; margin-right: 4px; }
      .tag { font-size: 11.5px; color: var(--muted); background: #f3f4f6; border-radius: 4px; padding: 1px 6px; }
      .verdict { font-size: 12px; font-weight: 650; border-radius: 999px; padding: 1px 9px; border: 1px solid currentColor; }
      .v-improving, .v-met { color: var(--go-ink); background: var(--go-tint); }
      .v-no-significant-change { color: var(--diagnose-ink); background: var(--diagnose-tint); }
      .v-worsening { color: var(--kill-ink); background: var(--kill-tint); }
      .v-insufficient-data { color: #475569; background: #f1f5f9; }
      .chart-summary { margin: 6px 0 2px; font-size: 13px; }
      .chart-key { margin: 2px 0 0; font-size: 11.5px; color: var(--muted); }
      .key { white-space: nowrap; margin-right: 10px; }
      .k { display: inline-block; width: 16px; height: 0; margin: 0 4px 0 0; vertical-align: middle; border-top: 2px solid; }
      .k-obs { width: 8px; height: 8px; border: 0; border-radius: 50%; background: #1d4ed8; }
      .k-early { width: 8px; height: 8px; border: 1.5px solid #1d4ed8; border-radius: 50%; background: #fff; }
      .k-fit { border-color: #6d28d9; }
      .k-proj { border-top: 2px dashed #6d28d9; }
      .k-target { border-color: #14653a; }
      .k-base { border-top: 2px dashed #6b7280; }
      .k-deadline { width: 0; height: 12px; border-top: 0; border-left: 2px dashed #b42318; }
      .trend-chart .grid { stroke: #eef0f3; }
      .trend-chart .axis { stroke: #9ca3af; }
      .trend-chart .tick-mark { stroke: #9ca3af; }
      .trend-chart .tick { font-size: 12px; fill: #4b5563; }
      .trend-chart .axis-label { font-size: 12px; fill: #4b5563; font-weight: 600; }
      .trend-chart .target-zone { fill: #16a34a; fill-opacity: .07; }
      .trend-chart .target-line { stroke: #14653a; stroke-width: 2; }
      .trend-chart .baseline-line { stroke: #6b7280; stroke-width: 1.5; stroke-dasharray: 6 4; }
      .trend-chart .deadline-line { stroke: #b42318; stroke-width: 1.5; stroke-dasharray: 5 4; }
      .trend-chart .asof-line { stroke: #94a3b8; stroke-width: 1; stroke-dasharray: 2 3; }
      .trend-chart .trend-fit { stroke: #6d28d9; stroke-width: 2.5; stroke-linecap: round; }
      .trend-chart .trend-projection { stroke: #6d28d9; stroke-width: 2; stroke-dasharray: 7 5; stroke-linecap: round; }
      .trend-chart .trend-projected { fill: #fff; stroke: #6d28d9; stroke-width: 2; }
      .trend-chart .obs-judged { fill: #1d4ed8; stroke: #fff; stroke-width: 1; }
      .trend-chart .obs-earlier { fill: #fff; stroke: #1d4ed8; stroke-width: 1.5; }
      .trend-chart .label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
      .trend-chart .target-label { fill: #14653a; }
      .trend-chart .baseline-label { fill: #4b5563; }
      .trend-chart .projected-label { fill: #6d28d9; }
      .trend-chart .deadline-label { fill: #b42318; }
      .trend-chart .asof-label { fill: #64748b; font-weight: 500; }
      .trend-chart .no-data { font-size: 13px; fill: #6b7280; font-style: italic; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
      .adopt-summary { margin: 0 0 8px; }
      .adopters { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0 0 12px; padding: 0; }
      .adopter-chip { font-size: 13px; border-radius: 999px; padding: 2px 10px; border: 1px solid; }
      .adopter-chip.is-active { color: var(--go-ink); background: var(--go-tint); border-color: #9fd3b4; }
      .adopter-chip.is-inactive { color: #4b5563; background: #f8fafc; border-color: #cbd5e1; border-style: dashed; }
      .chip-state { font-size: 11.5px; opacity: .85; }
      .activity-wrap { margin: 0 0 8px; overflow-x: auto; }
      .activity .tick { font-size: 11px; fill: #6b7280; }
      .activity .adopter-name { font-size: 13px; }
      .activity .act-on { fill: #0f766e; }
      .activity .act-off { fill: #f3f4f6; stroke: #d1d5db; }
      .activity .adopter-status { font-size: 12.5px; }
      .activity .is-active { fill: var(--go-ink); font-weight: 600; }
      .activity .is-inactive { fill: #6b7280; }
      .all-users { margin: 4px 0 0; color: var(--muted); font-size: 13.5px; }
      .stage-label { font-size: 14px; }
      .page-foot { color: var(--muted); font-size: 12.5px; padding-bottom: 36px; }
      @media (max-width: 820px) {
        .tallies, .facts { grid-template-columns: repeat(2, 1fr); }
        .charts { grid-template-columns: 1fr; }
        .masthead, main, .page-foot { padding-left: 14px; padding-right: 14px; }
        .panel, .pilot { padding: 18px; }
      }
      @media print {
        @page { size: A4 landscape; margin: 12mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { background: #fff; font-size: 10pt; }
        .masthead, main, .page-foot { max-width: none; padding-left: 0; padding-right: 0; }
        .masthead { padding-top: 0; }
        .panel, .pilot, .tally { box-shadow: none; border: 1px solid var(--line); }
        .pilot { border-left: 6px solid var(--c); break-before: page; }
        thead { display: table-header-group; }
        tr, th, td, .finding, .chart, .facts, .activity-wrap, .funnel-fig, .tally, .pilot-head { break-inside: avoid; page-break-inside: avoid; }
        h2, h3 { break-after: avoid; page-break-after: avoid; }
        .table-wrap, .activity-wrap { overflow: visible; }
        .charts { grid-template-columns: 1fr 1fr; gap: 10px; }
        table.decisions { min-width: 0; }
        .tallies { grid-template-columns: repeat(4, 1fr); }
        .facts { grid-template-columns: repeat(4, 1fr); }
        a { color: inherit; }
      }
      """;
}
