/**
 * Saves a form as the user types: after a pause in input the form is submitted through its own
 * use:enhance handler, so saving works the same with JavaScript (automatically) and without it
 * (with the form's save button).
 */
export function autosave(form: HTMLFormElement, delayMs = 1200) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const onInput = () => {
		clearTimeout(timer);
		timer = setTimeout(() => form.requestSubmit(), delayMs);
	};
	// A submit by hand (or by the timer) cancels any pending autosave, so one edit saves once.
	const onSubmit = () => clearTimeout(timer);
	form.addEventListener('input', onInput);
	form.addEventListener('submit', onSubmit);
	return {
		destroy() {
			clearTimeout(timer);
			form.removeEventListener('input', onInput);
			form.removeEventListener('submit', onSubmit);
		}
	};
}
