/**
 * The server's logger (pino): one JSON object per line, for a log collector to parse. In
 * development (`vite dev`, or LOG_FORMAT=pretty) the same records are printed readably through
 * pino-pretty. The CLI sends its log to stderr so its stdout stays clean JSON.
 */
import pino from 'pino';

const env = (import.meta as ImportMeta & { env?: { DEV?: boolean } }).env;
const pretty = process.env.LOG_FORMAT ? process.env.LOG_FORMAT === 'pretty' : env?.DEV === true;
const destination = process.env.LOG_TO_STDERR === 'true' ? 2 : 1;

export const log = pino(
	{
		level: process.env.LOG_LEVEL ?? 'info',
		base: { pid: process.pid },
		// Never write a session token or password to the log, whatever an error object carries.
		redact: ['req.headers.cookie', 'password', 'token'],
		...(pretty
			? {
					transport: {
						target: 'pino-pretty',
						options: { destination, translateTime: 'SYS:HH:MM:ss', ignore: 'pid' }
					}
				}
			: {})
	},
	// Asynchronous writes: a line per request is not a blocking system call on the request's path
	// (under load, lines written meanwhile go out together); pino flushes what is left at exit.
	pretty ? undefined : pino.destination({ dest: destination, sync: false })
);
