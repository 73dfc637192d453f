/** One route as express will dispatch it: lower-case method and the path template it was registered with. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

/**
 * Lists every route of an express 5 app by walking its router stack (routers mounted inside routers included).
 * Parley mounts every router at the root and registers full paths, so a router mounted under a path is refused:
 * it would need its prefix joined here, and the caller would rather learn that than get wrong paths.
 */
export function mountedRoutes(app: { router: { stack: LayerLike[] } }): MountedRoute[] {
  const out: MountedRoute[] = [];
  const walk = (stack: LayerLike[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          for (const path of paths) out.push({ method: method.toLowerCase(), path: String(path) });
        }
      } else if (layer.handle?.stack) {
        if (layer.rawPath !== '/' && layer.rawPath !== undefined) throw new Error(`router mounted under ${String(layer.rawPath)}: join its prefix`);
        walk(layer.handle.stack);
      }
    }
  };
  walk(app.router.stack);
  return out;
}
