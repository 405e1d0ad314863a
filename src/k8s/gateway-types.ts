/**
 * Gateway API (gateway.networking.k8s.io/v1, standard channel) shapes that an
 * HTTPRoute's props pass through, as plain JSON. Checked against the HTTPRoute
 * CRD's structural schema (src/k8s/definitions.json, extracted by
 * scripts/gen-k8s-definitions.js from the CRD named in test/fixtures/k8s/SOURCES.md).
 */

/** A Gateway (or a listener of one) the route attaches to. */
export interface ParentReference {
  /** Name of the parent (the Gateway). */
  readonly name: string;
  /** Namespace of the parent; the route's own when unset. */
  readonly namespace?: string;
  /** Listener of the Gateway to attach to (by name); all listeners that allow the route when unset. */
  readonly sectionName?: string;
  /** Port of the Gateway's listeners to attach to. */
  readonly port?: number;
  /** API group of the parent; `gateway.networking.k8s.io` when unset. */
  readonly group?: string;
  /** Kind of the parent; `Gateway` when unset. */
  readonly kind?: string;
}

/** Match on a header or a query parameter. */
export interface HTTPHeaderMatch {
  readonly name: string;
  readonly value: string;
  readonly type?: 'Exact' | 'RegularExpression';
}

/** What a request must match for a rule to apply. */
export interface HTTPRouteMatch {
  readonly path?: { readonly type?: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value?: string };
  readonly headers?: HTTPHeaderMatch[];
  readonly queryParams?: HTTPHeaderMatch[];
  readonly method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
}

/** Headers to set, add or remove. */
export interface HTTPHeaderFilter {
  readonly set?: { readonly name: string; readonly value: string }[];
  readonly add?: { readonly name: string; readonly value: string }[];
  readonly remove?: string[];
}

/** A path rewrite or redirect. */
export interface HTTPPathModifier {
  readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  readonly replaceFullPath?: string;
  readonly replacePrefixMatch?: string;
}

/** A backend to mirror requests to. */
export interface HTTPBackendObjectReference {
  readonly name: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly group?: string;
  readonly kind?: string;
}

/** A step applied to requests or responses of a rule; the member named by `type` is required. */
export interface HTTPRouteFilter {
  readonly type:
    | 'RequestHeaderModifier'
    | 'ResponseHeaderModifier'
    | 'RequestMirror'
    | 'RequestRedirect'
    | 'URLRewrite'
    | 'ExtensionRef'
    | 'CORS';
  readonly requestHeaderModifier?: HTTPHeaderFilter;
  readonly responseHeaderModifier?: HTTPHeaderFilter;
  readonly requestMirror?: {
    readonly backendRef: HTTPBackendObjectReference;
    readonly percent?: number;
    readonly fraction?: { readonly numerator: number; readonly denominator?: number };
  };
  readonly requestRedirect?: {
    readonly scheme?: 'http' | 'https';
    readonly hostname?: string;
    readonly path?: HTTPPathModifier;
    readonly port?: number;
    readonly statusCode?: 301 | 302 | 303 | 307 | 308;
  };
  readonly urlRewrite?: { readonly hostname?: string; readonly path?: HTTPPathModifier };
  readonly extensionRef?: { readonly group: string; readonly kind: string; readonly name: string };
  readonly cors?: {
    readonly allowOrigins?: string[];
    readonly allowCredentials?: boolean;
    readonly allowMethods?: string[];
    readonly allowHeaders?: string[];
    readonly exposeHeaders?: string[];
    readonly maxAge?: number;
  };
}
