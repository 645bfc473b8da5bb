using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>The web UI's modules and their unit tests pass ESLint (node/eslint.config.js, run by node/lint.mjs).</summary>
public sealed class EsLintTests
{
    [Fact]
    public async Task The_web_ui_modules_have_no_lint_problems()
    {
        var (exitCode, lines, errors) = await NodeScripts.RunAsync("lint.mjs", TimeSpan.FromSeconds(120));

        Assert.True(exitCode == 0, $"ESLint exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        // It linted the modules at all: a pattern that matched nothing would also report no problems.
        Assert.Matches(@"^([3-9]|\d\d+) files linted, 0 problems$", lines[^1]);
    }
}
