/** The supported subset of Helm templates, and clear errors for the rest. */
import { renderGoTemplate, GoTemplateError, type TemplateContext } from '../../src/values/template';

const ctx: TemplateContext = {
  release: { name: 'rel', namespace: 'ns' },
  chart: { name: 'rstudio-pm', version: '0.5.29', appVersion: '2024.04.4' },
  values: { enableSandboxing: true, replicas: 3, big: 1000000, a: { b: 'deep', empty: '' }, list: [1] },
  includes: { 'rstudio-pm.fullname': 'rel-rstudio-pm', 'rstudio-pm.labels': 'a: 1\nb: 2' },
};
const r = (t: string) => renderGoTemplate(t, ctx);

describe('renderGoTemplate', () => {
  it.each([
    ['{{ .Release.Name }}', 'rel'],
    ['{{ .Release.Namespace }}', 'ns'],
    ['{{ .Chart.AppVersion }}', '2024.04.4'],
    ['{{ .Values.a.b }}', 'deep'],
    // Go prints "<no value>" for nothing; Helm erases that text (issue 23, item 2).
    ['x{{ .Values.missing }}y', 'xy'],
    ['x{{ .Values.a.nope }}y', 'xy'],
    ['{{ $.Values.replicas }}', '3'],
    ['{{ .Values.big }}', '1e+06'],
    ['{{ include "rstudio-pm.fullname" . }}-x', 'rel-rstudio-pm-x'],
    ['x:{{- include "rstudio-pm.labels" . | nindent 2 }}', 'x:\n  a: 1\n  b: 2'],
    ['{{ .Release.Name | quote }}', '"rel"'],
    ['{{ quote .Values.replicas }}', '"3"'],
    ['x{{ .Values.missing | quote }}', 'x'],
    ['{{ .Values.a.b | squote }}', "'deep'"],
    ['{{ printf "%s-%d" .Release.Name .Values.replicas }}', 'rel-3'],
    ['{{ printf "%q" "a" }}', '"a"'],
    ['{{ .Values.a.empty | default "dflt" }}', 'dflt'],
    ['{{ upper .Release.Name }}', 'REL'],
    ['{{ if .Values.enableSandboxing }}Unconfined{{ else }}RuntimeDefault{{ end }}', 'Unconfined'],
    ['{{ if not .Values.enableSandboxing }}a{{ else if .Values.replicas }}b{{ else }}c{{ end }}', 'b'],
    ['{{ if eq .Values.replicas 3 }}three{{ end }}', 'three'],
    ['{{ if and .Values.a.b .Values.a.empty }}x{{ else }}y{{ end }}', 'y'],
    ['{{ if or .Values.a.empty .Values.list }}x{{ end }}', 'x'],
    ['a  {{- .Release.Name -}}  b', 'arelb'],
    ['{{/* a comment */}}x', 'x'],
    ['{{ (printf "%s" .Release.Name) | upper }}', 'REL'],
    ['{{ "a}}b" }}', 'a}}b'],
    ['{{ toYaml .Values.a | nindent 2 }}', '\n  b: deep\n  empty: ""'],
    ['{{ .Release.Name | b64enc }}', 'cmVs'],
    ['{{ "cmVs" | b64dec }}', 'rel'],
    ['{{ replace "-" "_" .Release.Name }}x', 'relx'],
    ['{{ .Release.Name | trimPrefix "r" }}', 'el'],
    ['{{ required "a value is required" .Values.replicas }}', '3'],
    ['{{ toString .Values.replicas }}', '3'],
  ])('%s → %j', (template, expected) => {
    expect(r(template)).toBe(expected);
  });

  it.each([
    // A field of nothing fails in Go ("nil pointer evaluating interface {}.x"), so in Helm.
    ['{{ .Values.missing.x }}', /\.Values\.missing is not set, so \.x of it cannot be read \(Helm fails too\)/],
    ['{{ if .Values.missing.x }}y{{ end }}', /\.Values\.missing is not set/],
    ['{{ .Values.a.nope.deeper }}', /\.Values\.a\.nope is not set, so \.deeper/],
    ['{{ range .Values.list }}x{{ end }}', /"\{\{ range \}\}" is not supported/],
    ['{{ toJson .Values }}', /function "toJson" is not supported/],
    ['{{ required "set a.missing" .Values.a.missing }}', /set a.missing/],
    ['{{ include "other.tpl" . }}', /include of a template not defined here is not supported \(supported: "rstudio-pm.fullname"/],
    ['{{ .Capabilities.KubeVersion }}', /".Capabilities.KubeVersion" is not supported/],
    ['{{ $x := 1 }}', /not supported/],
    ['{{ .Values.a }}', /prints a map/],
    ['{{ if .Values.x }}open', /missing \{\{ end \}\}/],
    ['{{ end }}', /unexpected/],
    ['{{ .Release.Name', /unclosed action/],
  ])('%s is an error', (template, message) => {
    expect(() => r(template)).toThrow(GoTemplateError);
    expect(() => r(template)).toThrow(message);
  });
});
