/** `cdk8s-ppm completion bash|zsh|fish`: completion scripts built from the command table. */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What completion needs to know of a command. */
export interface CompletionCommand {
  readonly name: string;
  /** Long flags, without the leading `--`. */
  readonly flags: readonly string[];
  /** Fixed words for its first argument, if any. */
  readonly args?: readonly string[];
}

export const COMPLETION_HELP = `usage: cdk8s-ppm completion bash|zsh|fish

Prints a shell completion script for cdk8s-ppm (commands and flags):

  source <(cdk8s-ppm completion bash)                     # bash, e.g. in ~/.bashrc
  cdk8s-ppm completion zsh > "\${fpath[1]}/_cdk8s-ppm"       # zsh
  cdk8s-ppm completion fish > ~/.config/fish/completions/cdk8s-ppm.fish`;

const words = (c: CompletionCommand) => [...c.flags.map((f) => `--${f}`), '--help', ...(c.args ?? [])].join(' ');

function bash(commands: readonly CompletionCommand[]): string {
  const cases = commands.map((c) => `    ${c.name}) words="${words(c)}" ;;`).join('\n');
  return `# bash completion for cdk8s-ppm (cdk8s-ppm completion bash)
_cdk8s_ppm() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    *) words="" ;;
  esac
  if [[ "$cur" == -* ]] || [ -n "$words" ]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  fi
  [ \${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=( $(compgen -f -- "$cur") )
}
complete -F _cdk8s_ppm cdk8s-ppm
`;
}

function zsh(commands: readonly CompletionCommand[]): string {
  const cases = commands.map((c) => `    ${c.name}) compadd -- ${words(c)} ;;`).join('\n');
  return `#compdef cdk8s-ppm
# zsh completion for cdk8s-ppm (cdk8s-ppm completion zsh)
_cdk8s_ppm() {
  if (( CURRENT == 2 )); then
    compadd -- ${commands.map((c) => c.name).join(' ')} --help --version
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
  _files
}
compdef _cdk8s_ppm cdk8s-ppm
`;
}

function fish(commands: readonly CompletionCommand[]): string {
  const lines = ['# fish completion for cdk8s-ppm (cdk8s-ppm completion fish)'];
  const names = commands.map((c) => c.name).join(' ');
  lines.push(`complete -c cdk8s-ppm -n "not __fish_seen_subcommand_from ${names}" -f -a "${names}"`);
  lines.push(`complete -c cdk8s-ppm -n "not __fish_seen_subcommand_from ${names}" -l version -l help`);
  for (const c of commands) {
    for (const f of [...c.flags, 'help']) lines.push(`complete -c cdk8s-ppm -n "__fish_seen_subcommand_from ${c.name}" -l ${f}`);
    if (c.args?.length) lines.push(`complete -c cdk8s-ppm -n "__fish_seen_subcommand_from ${c.name}" -f -a "${c.args.join(' ')}"`);
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, commands: readonly CompletionCommand[]): string {
  return { bash, zsh, fish }[shell](commands);
}
