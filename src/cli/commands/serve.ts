import { UserError, type CliCommand } from '../command.ts';
import { buildApp } from '../../server/app.ts';
import { buildWebApp, webBuilt, WEB_DIST } from '../../server/web-assets.ts';
import { openWorkspace } from '../../workspace.ts';

interface ServeOptions {
  config?: string;
  port: string;
  host: string;
  web: boolean;
}

export interface ServeResult {
  url: string;
}

export const serveCommand: CliCommand<ServeOptions, ServeResult> = {
  name: 'serve',
  describe: 'Serve the API (OpenAPI at /api/docs) and the web app from the current build, read-only',
  configure(cmd) {
    cmd
      .option('-c, --config <file>', 'configuration file', 'entrepot.yaml')
      .option('-p, --port <port>', 'port to listen on', '8080')
      .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
      .option('--no-web', 'serve the API alone, without the web app');
  },
  async run(options, io) {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${options.port}: not a port number`, 2);
    const workspace = openWorkspace(options.config);
    if (options.web && !webBuilt()) {
      io.err('the web app is not built (web/dist): building it now with vite…');
      try {
        await buildWebApp((line) => io.err(line));
      } catch (error) {
        throw new UserError(`${(error as Error).message}. Or start with --no-web to serve the API alone.`);
      }
    }
    const app = await buildApp({
      layout: workspace.layout,
      webDist: options.web ? WEB_DIST : false,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
    });
    let address: string;
    try {
      address = await app.listen({ port, host: options.host });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use on ${options.host}: pick another with --port`);
      if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}: pick one above 1023 with --port`);
      throw error;
    }
    io.err(`entrepot serves ${workspace.layout.root} at ${address} (API docs: ${address}/api/docs); Ctrl-C stops it`);
    // Returns only when the server is stopped, so that `entrepot serve` keeps running.
    await new Promise<void>((resolve) => {
      const stop = () => {
        app.close().then(() => resolve(), () => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return { url: address };
  },
};
