/**
 * The accessibility statement (/tillganglighet), in the shape of DIGG's model statement for the
 * Act on accessibility to digital public services (lagen 2018:1937, "DOS-lagen").
 */
export const sv = {
	'a11y.title': 'Tillgänglighetsredogörelse',
	'a11y.intro':
		'Kommunkompassen står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera problem till oss så att vi kan åtgärda dem.',
	'a11y.status.title': 'Hur tillgänglig är webbplatsen?',
	'a11y.status.text':
		'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Vi följer standarden WCAG 2.1 på nivå AA.',
	'a11y.help.title': 'Vad kan du göra om du inte kan använda delar av webbplatsen?',
	'a11y.help.text':
		'Om du behöver innehåll från webbplatsen i ett annat format, till exempel en rapport som inte går att läsa med ditt hjälpmedel, kan du kontakta oss så försöker vi hjälpa dig.',
	'a11y.help.email': 'E-post:',
	'a11y.report.title': 'Rapportera brister i webbplatsens tillgänglighet',
	'a11y.report.text':
		'Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kontakta oss så att vi får veta att problemet finns. Skriv gärna vilken sida det gäller och vad som inte fungerar.',
	'a11y.enforcement.title': 'Tillsyn',
	'a11y.enforcement.text':
		'Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påpeka det.',
	'a11y.enforcement.link': 'Anmäl bristande tillgänglighet till DIGG',
	'a11y.technical.title': 'Teknisk information om webbplatsens tillgänglighet',
	'a11y.technical.text':
		'Webbplatsen är delvis förenlig med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.',
	'a11y.gaps.title': 'Innehåll som inte är tillgängligt',
	'a11y.gaps.intro':
		'Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.',
	'a11y.gaps.conformance.title': 'Bristande förenlighet med lagkraven',
	'a11y.gaps.pdf':
		'Rapporterna som PDF är inte taggade: en skärmläsare får texten men inte rubriknivåer, tabellernas struktur eller en beskrivning av diagrammet (WCAG 1.1.1, 1.3.1). Samma rapport finns som webbsida med rubriker, tabeller och diagram med tabell; länken finns bredvid varje PDF. Vi planerar att ta fram taggade PDF-filer.',
	'a11y.gaps.documents':
		'Dokument som kommunerna laddar upp som underlag (PDF, Word) kontrolleras inte av oss och kan sakna tillgänglighetsanpassning. Texten ur dem visas även som vanlig text på dokumentets sida.',
	'a11y.gaps.authored':
		'Texter som utvärderarna skriver i fynd och rapporter (till exempel rubriker och listor) publiceras som de skrivits; vi kontrollerar inte deras struktur.',
	'a11y.gaps.burden.title': 'Oskäligt betungande anpassning',
	'a11y.gaps.burden.text': 'Vi åberopar inte undantaget för oskäligt betungande anpassning.',
	'a11y.gaps.scope.title': 'Innehåll som inte omfattas av lagen',
	'a11y.gaps.scope.text':
		'Dokument som kommunerna själva har laddat upp är tredjepartsinnehåll som vi varken finansierar, utvecklar eller har kontroll över.',
	'a11y.method.title': 'Hur vi testat webbplatsen',
	'a11y.method.text':
		'Vi har gjort en självskattning (intern testning) av webbplatsen. Varje sida testas automatiskt med verktyget axe mot WCAG 2.1 AA, inloggad i varje roll, i bredderna 390 och 1366 pixlar och på svenska och engelska. Vi har också kontrollerat sidorna med enbart tangentbord och med 200 procents förstoring.',
	'a11y.method.date': 'Senaste bedömningen gjordes den {date}.',
	'a11y.updated': 'Redogörelsen uppdaterades senast den {date}.'
} as const;

export const en: Record<keyof typeof sv, string> = {
	'a11y.title': 'Accessibility statement',
	'a11y.intro':
		'Kommunkompassen is responsible for this website. We want as many people as possible to be able to use it. This statement describes how the website complies with the Swedish Act on accessibility to digital public services, the known problems and how you can report problems to us so that we can fix them.',
	'a11y.status.title': 'How accessible is the website?',
	'a11y.status.text':
		'The website is partially compliant with the Act on accessibility to digital public services, due to the problems described below. We follow the WCAG 2.1 standard at level AA.',
	'a11y.help.title': 'What can you do if you cannot use parts of the website?',
	'a11y.help.text':
		'If you need content from the website in another format, for example a report that your assistive technology cannot read, contact us and we will try to help you.',
	'a11y.help.email': 'E-mail:',
	'a11y.report.title': 'Report accessibility problems',
	'a11y.report.text':
		'We are always working to improve the accessibility of the website. If you find a problem that is not described on this page, or think that we do not meet the requirements of the law, contact us so that we know about it. Please tell us which page it is and what does not work.',
	'a11y.enforcement.title': 'Enforcement procedure',
	'a11y.enforcement.text':
		'The Agency for Digital Government (DIGG) is responsible for enforcing the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact DIGG and tell them.',
	'a11y.enforcement.link': 'Report inaccessibility to DIGG (in Swedish)',
	'a11y.technical.title': 'Technical information about the accessibility of the website',
	'a11y.technical.text':
		'The website is partially compliant with WCAG 2.1 level AA, due to the problems described below.',
	'a11y.gaps.title': 'Content that is not accessible',
	'a11y.gaps.intro': 'The content described below is not fully accessible in one way or another.',
	'a11y.gaps.conformance.title': 'Non-compliance with the requirements',
	'a11y.gaps.pdf':
		'The PDF reports are not tagged: a screen reader gets the text but not the heading levels, the structure of the tables or a description of the chart (WCAG 1.1.1, 1.3.1). The same report is available as a web page with headings, tables and a chart with a table; the link is next to every PDF. We plan to produce tagged PDF files.',
	'a11y.gaps.documents':
		'Documents that municipalities upload as evidence (PDF, Word) are not checked by us and may not be accessible. Their text is also shown as plain text on the document page.',
	'a11y.gaps.authored':
		'Texts the evaluators write in findings and reports (for example headings and lists) are published as written; we do not check their structure.',
	'a11y.gaps.burden.title': 'Disproportionate burden',
	'a11y.gaps.burden.text': 'We do not claim the exemption for disproportionate burden.',
	'a11y.gaps.scope.title': 'Content outside the scope of the law',
	'a11y.gaps.scope.text':
		'Documents uploaded by the municipalities themselves are third-party content that we neither fund, develop nor control.',
	'a11y.method.title': 'How we tested the website',
	'a11y.method.text':
		'We have made a self-assessment (internal testing) of the website. Every page is tested automatically with the axe tool against WCAG 2.1 AA, signed in as each role, at widths of 390 and 1366 pixels, in Swedish and in English. We have also checked the pages with the keyboard alone and at 200 per cent zoom.',
	'a11y.method.date': 'The latest assessment was made on {date}.',
	'a11y.updated': 'This statement was last updated on {date}.'
};
