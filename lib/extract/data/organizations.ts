// Well-known intergovernmental blocs: the fallback pool for organisation distractors when a
// document names too few organisations of the same kind. General knowledge, not taken from
// any fixture document. [name, acronym or ""]
export const BLOCS: readonly (readonly [string, string])[] = [
  ["North Atlantic Treaty Organization", "NATO"],
  ["European Union", "EU"],
  ["United Nations", "UN"],
  ["African Union", "AU"],
  ["Organization of American States", "OAS"],
  ["Association of Southeast Asian Nations", "ASEAN"],
  ["Organization of the Petroleum Exporting Countries", "OPEC"],
  ["Shanghai Cooperation Organisation", "SCO"],
  ["Arab League", ""],
  ["Commonwealth of Independent States", "CIS"],
  ["Collective Security Treaty Organization", "CSTO"],
  ["Mercosur", ""],
  ["Community of Latin American and Caribbean States", "CELAC"],
  ["Gulf Cooperation Council", "GCC"],
  ["World Trade Organization", "WTO"],
  ["International Monetary Fund", "IMF"],
  ["World Health Organization", "WHO"],
  ["Organization for Security and Co-operation in Europe", "OSCE"],
  ["Council of Europe", ""],
  ["Eurasian Economic Union", "EAEU"],
];
