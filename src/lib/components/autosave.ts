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
	form.addEventListener('input', onInput);
	return {
		destroy() {
			clearTimeout(timer);
			form.removeEventListener('input', onInput);
		}
	};
}
