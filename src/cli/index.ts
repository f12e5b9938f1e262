// The server's log goes to stderr here, so stdout carries only the commands' output.
process.env.LOG_TO_STDERR ??= 'true';
const { runCli } = await import('./run');

const code = await runCli(process.argv.slice(2), {
	out: (line) => process.stdout.write(line + '\n'),
	err: (line) => process.stderr.write(line + '\n'),
	readStdin: async () => {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	}
});
process.exit(code);
export {};
