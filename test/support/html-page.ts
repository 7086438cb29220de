/**
 * The report's HTML page as one text, as a browser reads the file `ita report` writes
 * (the CLI writes the page's pieces one after the other: report/html.ts renderHtmlParts).
 */
import { renderHtmlParts } from "../../src/report/html.js";
import type { ReportModel } from "../../src/report/model.js";

export const renderHtml = (report: ReportModel): string => renderHtmlParts(report).join("");
