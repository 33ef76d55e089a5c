// The `ordo` command line. Each command lives in its own file and registers itself here.
import { Command } from 'commander';
import { registerCoreCommands } from './commands.ts';
import { registerForecastCommands } from './forecast.command.ts';

const program = new Command();
program.name('ordo').description('Ordo order management system').showHelpAfterError();

registerCoreCommands(program);
registerForecastCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`ordo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
