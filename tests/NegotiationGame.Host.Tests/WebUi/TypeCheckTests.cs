using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The web UI's modules type-check: TypeScript reads their JSDoc (// @ts-check, js/types.js) through
/// node/jsconfig.json without emitting anything.
/// </summary>
public sealed class TypeCheckTests
{
    [Fact]
    public async Task The_web_ui_modules_type_check()
    {
        var (exitCode, lines, errors) = await NodeScripts.RunAsync(
            Path.Combine("node_modules", "typescript", "bin", "tsc"), TimeSpan.FromSeconds(120), "-p", "jsconfig.json", "--pretty", "false", "--listFilesOnly");
        var checkedModules = lines.Count(line => line.Contains("wwwroot/js/", StringComparison.Ordinal));
        Assert.True(checkedModules >= 3, $"jsconfig.json reaches {checkedModules} of the web UI's modules:\n{string.Join('\n', lines)}\n{errors}");

        (exitCode, lines, errors) = await NodeScripts.RunAsync(
            Path.Combine("node_modules", "typescript", "bin", "tsc"), TimeSpan.FromSeconds(120), "-p", "jsconfig.json", "--pretty", "false");

        Assert.True(exitCode == 0, $"tsc exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
    }
}
