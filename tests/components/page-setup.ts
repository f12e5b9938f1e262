/**
 * Each component test page gets the app's global stylesheet, linked as src/app.html links it: the
 * components rely on it (a wide table scrolls inside its box, the colours and focus styles), so
 * widths and overflow are measured as on the real page.
 */
export {};

await new Promise((resolve, reject) => {
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = '/app.css';
	link.onload = resolve;
	link.onerror = () => reject(new Error('static/app.css did not load'));
	document.head.append(link);
});
