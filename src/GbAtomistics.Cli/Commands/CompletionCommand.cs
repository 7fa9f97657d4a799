using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace GbAtomistics.Cli.Commands;

/// <summary>
/// <c>gbat completion bash|zsh</c>: prints a shell completion script made from the command tree itself (commands,
/// subcommands, their options, and the fixed values of options that have them), so it never goes out of date.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command(
            "completion",
            "Prints a completion script for bash or zsh: commands, options and the fixed values of options; file names elsewhere.\n\n" +
            "Examples:\n  source <(gbat completion bash)                       # this shell only\n" +
            "  gbat completion bash > ~/.local/share/bash-completion/completions/gbat\n" +
            "  gbat completion zsh > \"${fpath[1]}/_gbat\"             # zsh (uses bashcompinit)")
        {
            shell,
        };
        command.SetAction(parse => CommandRunner.Run(stderr, () =>
        {
            string script = Bash(parse.RootCommandResult.Command);
            stdout.Write(parse.GetValue(shell) == "zsh" ? "#compdef gbat\nautoload -U +X bashcompinit && bashcompinit\n" + script : script);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A bash completion function over the command tree under <paramref name="root"/>.</summary>
    internal static string Bash(Command root)
    {
        var sb = new StringBuilder();
        sb.Append("# bash completion for gbat, printed by 'gbat completion bash'\n");
        sb.Append("_gbat() {\n");
        sb.Append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" w\n");
        sb.Append("  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n");
        sb.Append("    case \"$w\" in -*) ;; *) case \" $(_gbat_children \"$path\") \" in *\" $w \"*) path=\"${path:+$path }$w\" ;; esac ;; esac\n");
        sb.Append("  done\n");
        sb.Append("  local values; values=\"$(_gbat_values \"$path\" \"$prev\")\"\n");
        sb.Append("  if [[ -n \"$values\" ]]; then COMPREPLY=( $(compgen -W \"$values\" -- \"$cur\") ); return; fi\n");
        sb.Append("  if [[ \"$cur\" == -* ]]; then COMPREPLY=( $(compgen -W \"$(_gbat_options \"$path\")\" -- \"$cur\") ); return; fi\n");
        sb.Append("  local children; children=\"$(_gbat_children \"$path\")\"\n");
        sb.Append("  if [[ -n \"$children\" ]]; then COMPREPLY=( $(compgen -W \"$children\" -- \"$cur\") ); return; fi\n");
        sb.Append("  COMPREPLY=( $(compgen -W \"$(_gbat_arguments \"$path\")\" -- \"$cur\") $(compgen -f -- \"$cur\") )\n");
        sb.Append("}\n");

        var commands = new List<(string Path, Command Command)>();
        Walk(root, string.Empty, commands);
        sb.Append("_gbat_children() {\n  case \"$1\" in\n");
        foreach (var (path, c) in commands.Where(c => c.Command.Subcommands.Count > 0))
        {
            sb.Append($"    \"{path}\") echo \"{string.Join(' ', c.Subcommands.Select(s => s.Name))}\" ;;\n");
        }

        sb.Append("  esac\n}\n");
        sb.Append("_gbat_options() {\n  case \"$1\" in\n");
        foreach (var (path, c) in commands)
        {
            sb.Append($"    \"{path}\") echo \"{string.Join(' ', Options(c).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct())}\" ;;\n");
        }

        sb.Append("  esac\n}\n");
        sb.Append("_gbat_arguments() {\n  case \"$1\" in\n");
        foreach (var (path, c) in commands)
        {
            string[] values = c.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(i => i.Label).ToArray();
            if (values.Length > 0)
            {
                sb.Append($"    \"{path}\") echo \"{string.Join(' ', values)}\" ;;\n");
            }
        }

        sb.Append("  esac\n}\n");
        sb.Append("_gbat_values() {\n  case \"$1|$2\" in\n");
        foreach (var (path, c) in commands)
        {
            foreach (Option o in Options(c))
            {
                if (o.ValueType == typeof(bool))
                {
                    continue;
                }

                string[] values = o.GetCompletions(CompletionContext.Empty).Select(i => i.Label).Where(l => !l.Contains(' ', StringComparison.Ordinal)).ToArray();
                if (values.Length > 0)
                {
                    foreach (string name in o.Aliases.Prepend(o.Name).Distinct())
                    {
                        sb.Append($"    \"{path}|{name}\") echo \"{string.Join(' ', values)}\" ;;\n");
                    }
                }
            }
        }

        sb.Append("  esac\n}\n");
        sb.Append("complete -o filenames -o bashdefault -F _gbat gbat\n");
        return sb.ToString();
    }

    private static void Walk(Command command, string path, List<(string, Command)> into)
    {
        into.Add((path, command));
        foreach (Command sub in command.Subcommands)
        {
            Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}", into);
        }
    }

    /// <summary>The options of <paramref name="command"/> and those inherited from its parents (help, version).</summary>
    private static IEnumerable<Option> Options(Command command) => command.Options.Where(o => !o.Hidden);
}
