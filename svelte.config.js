import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Kit's origin check (CSRF protection for form posts) is on by default and stays on.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../tests/**/*.ts', '../scripts/**/*.ts', '../migrations/**/*.ts');
			}
		},
		// Hashes of the inline scripts rather than a nonce: the same page gets the same header, so
		// the public cache can keep an answer compressed once and replay it as it is.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
