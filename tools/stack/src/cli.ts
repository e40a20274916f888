// The TypeScript half of ./rhythm (the bash half made sure Node 24 and the npm packages exist).
import { StackError, say } from './log.ts';
import { debianTools, deployTools, temporalCliAndServer, temporalTestServer } from './provision.ts';
import { start } from './start.ts';
import { test } from './test.ts';

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'start':
      return start();
    case 'test':
      return test(rest);
    case 'setup':
      await Promise.all([temporalCliAndServer(), temporalTestServer(), debianTools(), deployTools()]);
      say('setup complete.');
      return 0;
    default:
      say('usage: ./rhythm start | test | setup');
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof StackError ? error.message : String(error instanceof Error ? error.stack : error));
    process.exit(1);
  },
);
