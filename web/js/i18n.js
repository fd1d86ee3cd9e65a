// Labels in French and English. The language is the one chosen in the page (remembered in
// localStorage), else the browser's (French for anything that is not English: French first).

const STRINGS = {
  fr: {
    skip: 'Aller aux résultats',
    home: 'Accueil : toutes les notes',
    searchLabel: 'Rechercher dans les rapports',
    placeholder: 'Rechercher : attaque Léré, "frappe aérienne", JNIM -Mopti…',
    search: 'Rechercher',
    syntaxTitle: 'Syntaxe de recherche',
    syntaxWords: 'tous les mots (accents et majuscules indifférents) ; à défaut, les documents qui en ont le plus, marqués « partiel »',
    syntaxPhrase: 'expression exacte',
    syntaxOr: "l'un ou l'autre",
    syntaxNot: 'exclut un mot',
    syntaxPrefix: 'mots commençant par…',
    syntaxSlash: 'place le curseur dans la recherche',
    syntaxArrows: 'parcourent les résultats',
    syntaxEsc: 'ferme un document',
    filtersToggle: 'Filtres',
    filters: 'Filtres',
    resultsHeading: 'Résultats',
    pagination: 'Pages',
    otherGroup: 'Autres',
    showMore: 'Afficher tout ({n})',
    showLess: 'Afficher moins',
    noValues: 'Aucune valeur',
    filterCount: '{value} : {count} documents',
    clearAll: 'Tout effacer',
    removeFilter: 'Retirer le filtre {label}',
    activeFilters: 'Filtres actifs',
    range: 'du {from} au {to}',
    from: 'depuis le {from}',
    to: "jusqu'au {to}",
    resultsFor: 'Résultats pour',
    allDocs: 'Tous les documents, les plus récents d’abord',
    allDocsPlain: 'Tous les documents',
    alsoSearched: 'aussi cherché',
    translated: 'cherché aussi (traductions et synonymes)',
    translateOff: 'ne pas traduire',
    translateOn: 'chercher aussi les traductions',
    notTranslated: 'Mots cherchés tels quels, sans traduction.',
    missingWords: 'Aucun rapport ne contient : {words}',
    partialCounts: '{full} document(s) contiennent tous les mots ; les suivants n’en contiennent qu’une partie, les plus rares, et sont marqués « partiel ».',
    excluded: 'sans',
    ignoredWords: 'mots ignorés (trop courants)',
    corrected: 'Aucun résultat pour « {from} » : résultats pour « {to} »',
    fallbackNote: 'Une partie de la requête n’a pas été comprise : cherchée comme mots simples.',
    total: '{n} résultats',
    total1: '1 résultat',
    total0: 'Aucun résultat',
    took: 'en {ms} ms',
    pageOf: 'résultats {a}–{b} sur {n}',
    sort: 'Trier',
    sortRelevance: 'pertinence',
    sortDateDesc: 'plus récents',
    sortDateAsc: 'plus anciens',
    export: 'Exporter tous les résultats',
    exportCsv: 'CSV',
    exportJson: 'JSON',
    exportCsvLabel: 'Exporter les {n} résultats en CSV',
    exportJsonLabel: 'Exporter les {n} résultats en JSON',
    prev: 'Précédente',
    next: 'Suivante',
    pageN: 'Page {n}',
    currentPage: 'Page {n}, page actuelle',
    duplicates: '{n} copies',
    duplicates1: '1 copie',
    duplicatesTitle: 'Autres exemplaires du même texte dans le corpus',
    partial: 'partiel',
    partialTitle: 'Ne contient qu’une partie des mots cherchés',
    noResults: 'Aucun document ne correspond.',
    noResultsHint: 'Vérifiez l’orthographe, retirez un mot ou un filtre, ou cherchez une expression plus courte.',
    tryInstead: 'Essayez :',
    removeFilters: 'Retirer les filtres',
    error: 'Le serveur n’a pas pu répondre.',
    errorDetail: 'Détail : {msg}',
    retry: 'Réessayer',
    loading: 'Recherche…',
    timelineTitle: 'Documents par mois',
    timelineTitleYear: 'Documents par année',
    timelineHelp: 'Cliquez sur un mois pour filtrer, glissez pour choisir une période.',
    timelineBar: '{month} : {count} documents',
    timelineEmpty: 'Pas de dates',
    back: '← Retour aux résultats',
    published: 'Publication',
    eventDates: 'Dates des faits',
    places: 'Lieux',
    actors: 'Acteurs',
    regions: 'Régions',
    mentionedRegions: 'Aussi mentionnées',
    months: 'Mois des faits',
    backgroundMonths: 'Contexte',
    foldToggle: '{label} ({n})',
    foldedChip: '{label} : {value}',
    evidenceHint: 'Activez une étiquette pour surligner dans le texte la phrase où elle a été lue.',
    evidenceNone: 'Aucune phrase enregistrée pour cette valeur.',
    evidenceSentence: 'Lu dans : « {sentence} »',
    evidenceMore: '{n} phrases surlignées',
    countries: 'Pays',
    language: 'Langue',
    source: 'Source',
    sourceLink: 'Lien vers la source',
    file: 'Fichier',
    duplicatesHeading: 'Copies de ce document',
    duplicateOf: 'Ce document est une copie de :',
    noDuplicates: 'Aucune',
    docFacets: 'Informations extraites',
    docText: 'Texte',
    docError: 'Document introuvable ou serveur indisponible.',
    roleEvent: 'faits',
    roleDateline: 'lieu de rédaction',
    roleMention: 'mentionné',
    langName_fr: 'français',
    langName_en: 'anglais',
    langName_ar: 'arabe',
    langName_und: 'indéterminée',
    untitled: '(sans titre)',
    undated: 'non daté',
    switchLang: 'Switch to English',
    otherLang: 'EN',
    matches: '{n} passages surlignés',
    facetFilter: 'Filtrer la liste…',
    facetFilterLabel: 'Filtrer les valeurs de {facet}',
    showResults: 'Afficher les {n} résultats',
    showResults1: 'Afficher le résultat',
    unfold: 'tout voir ({n})',
    fold: 'réduire',
    follow: 'Suivre cette recherche (Atom)',
    followTitle: 'Flux Atom des rapports de cette recherche, les plus récents d’abord',
    noWordsTitle: 'La recherche « {q} » ne contient aucun mot à chercher.',
    noWordsHint: 'Tapez des mots, des noms de lieux ou d’acteurs : la ponctuation seule ne se cherche pas.',
    noWordsNote: '« {q} » : aucun mot à chercher',
    noSuchValue: 'Filtre {facet} « {value} » : aucune valeur de l’index ne correspond',
    noteUnclosedQuote: 'Guillemet non fermé : la suite a été cherchée comme mots simples.',
    noteOperators: '« {raw} » : seuls OR, NOT, - et * sont des opérateurs ; cherché comme mots simples.',
    noteFieldSyntax: '« {raw} » : la syntaxe champ:valeur n’existe pas (utilisez les filtres) ; cherché comme mots simples.',
    notePrefixShort: '« {raw} » : un préfixe demande au moins {n} lettres ; cherché comme un mot.',
    noteStar: '« {raw} » : * ne s’emploie qu’en fin de mot ; cherché comme mots simples.',
    noteFirstWords: 'Seuls les {n} premiers mots ont été cherchés.',
    map: 'Carte',
  },
  en: {
    skip: 'Skip to results',
    home: 'Home: all documents',
    searchLabel: 'Search the reports',
    placeholder: 'Search: attaque Léré, "frappe aérienne", JNIM -Mopti…',
    search: 'Search',
    syntaxTitle: 'Search syntax',
    syntaxWords: 'all the words (accents and case ignored); failing that, the documents with most of them, marked “partial”',
    syntaxPhrase: 'exact phrase',
    syntaxOr: 'either one',
    syntaxNot: 'excludes a word',
    syntaxPrefix: 'words starting with…',
    syntaxSlash: 'puts the cursor in the search box',
    syntaxArrows: 'move through the results',
    syntaxEsc: 'closes a document',
    filtersToggle: 'Filters',
    filters: 'Filters',
    resultsHeading: 'Results',
    pagination: 'Pages',
    otherGroup: 'Other',
    showMore: 'Show all ({n})',
    showLess: 'Show less',
    noValues: 'No values',
    filterCount: '{value}: {count} documents',
    clearAll: 'Clear all',
    removeFilter: 'Remove filter {label}',
    activeFilters: 'Active filters',
    range: '{from} to {to}',
    from: 'from {from}',
    to: 'until {to}',
    resultsFor: 'Results for',
    allDocs: 'All documents, newest first',
    allDocsPlain: 'All documents',
    alsoSearched: 'also searched',
    translated: 'also searched (translations and synonyms)',
    translateOff: 'do not translate',
    translateOn: 'search translations too',
    notTranslated: 'Words searched as typed, without translation.',
    missingWords: 'No report contains: {words}',
    partialCounts: '{full} document(s) contain every word; the next ones hold only some of them, the rarest, and are marked “partial”.',
    excluded: 'without',
    ignoredWords: 'ignored words (too common)',
    corrected: 'No results for “{from}”: results for “{to}”',
    fallbackNote: 'Part of the query could not be understood: searched as plain words.',
    total: '{n} results',
    total1: '1 result',
    total0: 'No results',
    took: 'in {ms} ms',
    pageOf: 'results {a}–{b} of {n}',
    sort: 'Sort',
    sortRelevance: 'relevance',
    sortDateDesc: 'newest first',
    sortDateAsc: 'oldest first',
    export: 'Export all results',
    exportCsv: 'CSV',
    exportJson: 'JSON',
    exportCsvLabel: 'Export the {n} results as CSV',
    exportJsonLabel: 'Export the {n} results as JSON',
    prev: 'Previous',
    next: 'Next',
    pageN: 'Page {n}',
    currentPage: 'Page {n}, current page',
    duplicates: '{n} copies',
    duplicates1: '1 copy',
    duplicatesTitle: 'Other copies of the same text in the corpus',
    partial: 'partial',
    partialTitle: 'Contains only some of the words searched',
    noResults: 'No document matches.',
    noResultsHint: 'Check the spelling, remove a word or a filter, or search a shorter phrase.',
    tryInstead: 'Try:',
    removeFilters: 'Remove the filters',
    error: 'The server could not answer.',
    errorDetail: 'Detail: {msg}',
    retry: 'Retry',
    loading: 'Searching…',
    timelineTitle: 'Documents per month',
    timelineTitleYear: 'Documents per year',
    timelineHelp: 'Click a month to filter, drag to select a period.',
    timelineBar: '{month}: {count} documents',
    timelineEmpty: 'No dates',
    back: '← Back to results',
    published: 'Published',
    eventDates: 'Event dates',
    places: 'Places',
    actors: 'Actors',
    regions: 'Regions',
    mentionedRegions: 'Also mentioned',
    months: 'Event months',
    backgroundMonths: 'Background',
    foldToggle: '{label} ({n})',
    foldedChip: '{label}: {value}',
    evidenceHint: 'Activate a tag to highlight the sentence it was read in.',
    evidenceNone: 'No sentence recorded for this value.',
    evidenceSentence: 'Read in: “{sentence}”',
    evidenceMore: '{n} sentences highlighted',
    countries: 'Countries',
    language: 'Language',
    source: 'Source',
    sourceLink: 'Link to the source',
    file: 'File',
    duplicatesHeading: 'Copies of this document',
    duplicateOf: 'This document is a copy of:',
    noDuplicates: 'None',
    docFacets: 'Extracted information',
    docText: 'Text',
    docError: 'Document not found or server unavailable.',
    roleEvent: 'events',
    roleDateline: 'dateline',
    roleMention: 'mentioned',
    langName_fr: 'French',
    langName_en: 'English',
    langName_ar: 'Arabic',
    langName_und: 'undetermined',
    untitled: '(untitled)',
    undated: 'undated',
    switchLang: 'Passer en français',
    otherLang: 'FR',
    matches: '{n} highlighted passages',
    facetFilter: 'Filter the list…',
    facetFilterLabel: 'Filter the values of {facet}',
    showResults: 'Show the {n} results',
    showResults1: 'Show the result',
    unfold: 'show all ({n})',
    fold: 'show less',
    follow: 'Follow this search (Atom)',
    followTitle: 'Atom feed of the reports of this search, newest first',
    noWordsTitle: 'The search “{q}” has no words to search.',
    noWordsHint: 'Type words, names of places or actors: punctuation alone is not searched.',
    noWordsNote: '“{q}”: no words to search',
    noSuchValue: '{facet} filter “{value}”: no value of the index matches',
    noteUnclosedQuote: 'Unclosed quote: the rest was searched as plain words.',
    noteOperators: '“{raw}”: only OR, NOT, - and * are operators; searched as plain words.',
    noteFieldSyntax: '“{raw}”: there is no field:value syntax (use the filters); searched as plain words.',
    notePrefixShort: '“{raw}”: a prefix needs at least {n} letters; searched as a word.',
    noteStar: '“{raw}”: * only works at the end of a word; searched as plain words.',
    noteFirstWords: 'Only the first {n} words were searched.',
    map: 'Map',
  },
};

const MONTHS = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const MONTHS_LONG = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

let current = initialLanguage();

function initialLanguage() {
  try {
    const saved = localStorage.getItem('sahel.lang');
    if (saved === 'fr' || saved === 'en') return saved;
  } catch (_) { /* storage may be disabled */ }
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'fr'];
  for (const l of langs) {
    const code = String(l).toLowerCase().slice(0, 2);
    if (code === 'fr' || code === 'en') return code;
  }
  return 'fr';
}

export function lang() {
  return current;
}

export function setLang(code) {
  current = code === 'en' ? 'en' : 'fr';
  try { localStorage.setItem('sahel.lang', current); } catch (_) { /* ignore */ }
  document.documentElement.lang = current;
}

/** The label `key`, with `{name}` placeholders replaced by `vars`. */
export function t(key, vars) {
  const table = STRINGS[current];
  let s = key in table ? table[key] : (STRINGS.fr[key] ?? key);
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return s;
}

export function fmtNumber(n) {
  return new Intl.NumberFormat(current === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

/** `2023-09` → `sept. 2023` (short) or `septembre 2023` (long). */
export function fmtMonth(ym, long = false) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
  if (!m) return ym || '';
  const idx = Number(m[2]) - 1;
  const names = (long ? MONTHS_LONG : MONTHS)[current];
  return `${names[idx] ?? m[2]} ${m[1]}`;
}

/** `2023-09-17` → `17 sept. 2023`; `2023-09` → month. */
export function fmtDate(d) {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return fmtMonth(d, true);
  const day = Number(m[3]);
  const mon = MONTHS_LONG[current][Number(m[2]) - 1] ?? m[2];
  return current === 'fr' ? `${day === 1 ? '1er' : day} ${mon} ${m[1]}` : `${day} ${mon} ${m[1]}`;
}

export function langName(code) {
  return t(`langName_${code}`) === `langName_${code}` ? code : t(`langName_${code}`);
}

/** Applies static labels of the page (data-i18n, data-i18n-placeholder, data-i18n-aria). */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
