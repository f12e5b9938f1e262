const clientModule = '/@sveltejs/kit/src/runtime/client/client.js';
const declaration = 'export let app;';

/**
 * For the component tests only. SvelteKit's client keeps the app's transport decoders in `app`,
 * which `start()` sets when a real page boots; `use:enhance` reads an action's answer with them.
 * A component rendered on its own has no booted app, so every answer would fail to parse and a
 * form could never show what the server said. This starts `app` with the decoders this project
 * has: none (there is no `transport` hook in src/hooks.ts). Everything else in SvelteKit runs as
 * it is; a SvelteKit that no longer declares `app` this way stops the tests with this message.
 * @returns {import('vite').Plugin}
 */
export function kitClientApp() {
	return {
		name: 'kommunkompassen:kit-client-app',
		transform(code, id) {
			if (!id.split('?')[0].endsWith(clientModule)) return;
			if (!code.includes(declaration))
				this.error(
					`${clientModule} no longer declares \`${declaration}\`: see tests/components/kit-client-app.js`
				);
			return code.replace(declaration, 'export let app = { decoders: {} };');
		}
	};
}
