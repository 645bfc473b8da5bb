using System.Globalization;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host;

namespace NegotiationGame.Deploy.Tests;

/// <summary>The Dockerfile builds what the repository's projects say and runs the server as they configure it.</summary>
public sealed class DockerfileTests
{
    private readonly IReadOnlyList<DockerStage> _stages = Dockerfile.Stages();

    private DockerStage Build => _stages[0];

    private DockerStage Runtime => _stages[^1];

    [Fact]
    public void An_sdk_stage_with_npm_builds_and_an_aspnet_stage_runs()
    {
        Assert.Equal(2, _stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Build.BaseImage, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", Runtime.BaseImage, StringComparison.Ordinal);
        // The server's build runs npm ci for the SignalR client bundle (BundleBrowserPackages in the Host's project).
        Assert.Contains(Build.All("RUN"), run => run.Arguments.Contains("install", StringComparison.Ordinal) && run.Arguments.Contains("npm", StringComparison.Ordinal));
        Assert.Contains("npm ci", File.ReadAllText(Host.Tests.Support.RepositoryFiles.Path(ProjectFiles.Host)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_project_the_server_and_the_command_line_need_is_copied_before_the_restore()
    {
        var restore = Build.Instructions.ToList().FindIndex(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "The build stage restores before it copies the sources.");
        var copiedFirst = Build.Instructions.Take(restore).Where(instruction => instruction.Keyword == "COPY").Select(copy => copy.Arguments.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

        foreach (var project in ProjectFiles.WithReferences(ProjectFiles.Host).Union(ProjectFiles.WithReferences(ProjectFiles.Cli)))
        {
            Assert.Contains(project, copiedFirst);
        }

        foreach (var restored in new[] { ProjectFiles.Host, ProjectFiles.Cli })
        {
            Assert.Contains(restored, Build.Instructions[restore].Arguments, StringComparison.Ordinal);
            Assert.Contains(Build.All("RUN"), run => run.Arguments.Contains($"dotnet publish {restored}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_entry_point_is_the_published_server_and_the_command_line_lies_beside_it()
    {
        var entryPoint = Runtime.Last("ENTRYPOINT").ExecForm();

        Assert.Equal("dotnet", entryPoint[0]);
        Assert.Equal($"{DockerImage.ServerFolder}{ProjectFiles.AssemblyName(ProjectFiles.Host)}.dll", entryPoint[1]);
        // The test references the server, so this is the name the build really gives its assembly.
        Assert.Equal(typeof(HostSettings).Assembly.GetName().Name, ProjectFiles.AssemblyName(ProjectFiles.Host));
        Assert.Contains(Runtime.All("COPY"), copy => copy.Arguments == $"--from=build {PublishFolder(ProjectFiles.Host)}/ {DockerImage.ServerFolder}");
        Assert.Contains(Runtime.All("COPY"), copy => copy.Arguments == $"--from=build {PublishFolder(ProjectFiles.Cli)}/ {DockerImage.CliFolder}");
    }

    [Fact]
    public void It_runs_as_the_images_non_root_user()
    {
        var user = Runtime.Last("USER").Arguments;

        Assert.Equal("$APP_UID", user);
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        // The one folder that user must write: the embedded store and its key ring.
        Assert.Contains(Runtime.All("RUN"), run => run.Arguments.Contains($"chown \"$APP_UID\" {DockerImage.DataFolder}", StringComparison.Ordinal));
    }

    [Fact]
    public void It_listens_on_8080_over_appsettings_and_exposes_that_port_with_the_silo_and_gateway_defaults()
    {
        var configuration = ServerEnvironment.Configuration(DockerImage.Environment());
        var settings = HostSettings.From(configuration);

        Assert.Equal(8080, DockerImage.HttpPort);
        Assert.StartsWith(DockerImage.DataFolder + "/", settings.DataPath, StringComparison.Ordinal);
        var exposed = Runtime.Last("EXPOSE").Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(port => int.Parse(port, CultureInfo.InvariantCulture));
        Assert.Equal(new[] { DockerImage.HttpPort, settings.SiloPort, settings.GatewayPort }.Order(), exposed.Order());
        Assert.Equal(new HostSettings().SiloPort, settings.SiloPort);
        Assert.Equal(new HostSettings().GatewayPort, settings.GatewayPort);
        ServerEnvironment.AssertEveryVariableIsASetting(DockerImage.Environment(), "Dockerfile");
    }

    private string PublishFolder(string project) =>
        Build.All("RUN").Select(run => run.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            .SelectMany(commands => commands)
            .Where(command => command.StartsWith($"dotnet publish {project}", StringComparison.Ordinal))
            .Select(command => command.Split(' ').SkipWhile(word => word != "-o").ElementAt(1))
            .Single();
}
