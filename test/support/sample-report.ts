import type { DocumentChunk } from "../../src/server/ai/document-context";

// A made-up ten-page annual report, one chunk per page. Page 7 alone states
// when the Millbrook plant was commissioned, which the answer tests rely on.
const PAGES = [
  "Riverside Water Authority Annual Report 2023. This report describes how the Authority supplied drinking water to the city of Riverside during 2023. The Authority delivered safe drinking water to 412,000 residents without a single day of interruption.",
  "Letter from the chair. The year was shaped by a dry summer and by record demand for drinking water. The board approved a ten-year investment plan to renew ageing water mains and treatment capacity. Customer satisfaction rose to 91 percent in the annual survey.",
  "Water supply. The Authority draws raw water from the Silver River and from three groundwater wells. Total water production reached 48.2 million cubic metres, four percent more than in 2022. Leakage from the distribution network fell to 11 percent of production.",
  "Water quality. Laboratories tested 26,500 samples of drinking water across the network. All samples met the national drinking water standards for bacteria and nitrates. Lead service pipes remain a concern in older districts, and 1,900 were replaced this year.",
  "Customers and tariffs. The average household paid $612 for water and wastewater services in 2023. A new social tariff halved the bills of 8,300 low-income households. Complaints about billing fell by a third after the new billing system went live in May.",
  "Staff and safety. The Authority employed 640 people at the end of the year. There were two lost-time injuries, the lowest number in a decade. Apprenticeships in water treatment and pipe laying doubled to 36 places.",
  "Capital projects. The new Millbrook treatment plant was commissioned on 14 March 2023 at a cost of $18.4 million. It adds 30,000 cubic metres per day of treatment capacity with membrane filtration. The Eastside reservoir refurbishment was delayed to 2024 by supply-chain problems.",
  "Environment. Energy use per cubic metre of treated water fell by six percent thanks to new pumps. Solar panels on the Northgate depot now supply a fifth of its electricity. The Authority restored 14 hectares of wetland along the Silver River.",
  "Finances. Revenue rose to $262 million, driven by higher water volumes and the tariff review. Operating costs grew by five percent because of energy and chemical prices. Net debt stood at $1.1 billion, within the limits set by the regulator.",
  "Outlook. The Authority expects demand for drinking water to keep growing as Riverside adds new housing. Priorities for 2024 are the Eastside reservoir, lead pipe replacement and lower leakage. Questions about this report can be sent to reports@riversidewater.example.",
];

export const SAMPLE_FILE = "riverside-report.pdf";

export const sampleReport: DocumentChunk[] = PAGES.map((text, index) => ({ fileName: SAMPLE_FILE, page: index + 1, text }));

/** The text of one page, to check where a quoted sentence came from. */
export function pageText(page: number): string {
  return sampleReport.find((chunk) => chunk.page === page)?.text ?? "";
}
