/**
 * The network boundary of a form action, and only that: `use:enhance` posts the form with
 * `fetch` and reads SvelteKit's answer; this answers those posts the way a form action's answer
 * reaches the browser (`{ type, status, data }` with the data in devalue), from a handler the test
 * writes. Everything on the page side (the component, autosave, SvelteKit's enhance) runs as it is.
 */
import * as devalue from 'devalue';
import { vi } from 'vitest';

export type ActionAnswer =
	| { type: 'success'; data: Record<string, unknown> }
	| { type: 'failure'; status: number; data: Record<string, unknown> };

export interface Post {
	/** The action's URL, e.g. ending in `?/save`. */
	url: URL;
	/** The posted fields, as the server would read them. */
	form: URLSearchParams;
}

/** Answers every action post with `answer(post)`; returns the posts in the order they came. */
export function fakeAction(answer: (post: Post) => ActionAnswer) {
	const posts: Post[] = [];
	const real = window.fetch.bind(window);
	vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
		const headers = new Headers(init?.headers);
		if (init?.method !== 'POST' || headers.get('x-sveltekit-action') !== 'true')
			return real(input, init);
		const post = {
			url: new URL(input instanceof Request ? input.url : input, location.href),
			form: new URLSearchParams(init.body as URLSearchParams)
		};
		posts.push(post);
		const result = answer(post);
		return new Response(
			JSON.stringify({
				type: result.type,
				status: result.type === 'success' ? 200 : result.status,
				data: devalue.stringify(result.data)
			}),
			{ headers: { 'content-type': 'application/json' } }
		);
	});
	return posts;
}
