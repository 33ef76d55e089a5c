// The `ordo` command line. Each command lives in its own file and registers itself here.
import { Command } from 'commander';
import { registerForecastCommands } from './forecast.command.ts';

const program = new Command();
program.name('ordo').description('Ordo order management system').showHelpAfterError();

registerForecastCommands(program);

await program.parseAsync(process.argv);
