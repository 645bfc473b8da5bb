using System.Xml.Linq;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>The repository's project files, read as MSBuild would for what the image build depends on.</summary>
internal static class ProjectFiles
{
    public const string Host = "src/NegotiationGame.Host/NegotiationGame.Host.csproj";
    public const string Cli = "src/NegotiationGame.Cli/NegotiationGame.Cli.csproj";

    /// <summary>The assembly a project builds (its AssemblyName, or its file name).</summary>
    public static string AssemblyName(string project) =>
        XDocument.Load(RepositoryFiles.Path(project)).Descendants("AssemblyName").Select(name => name.Value).SingleOrDefault()
            ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>A project and every project it references, directly or not, as paths from the repository's root.</summary>
    public static IReadOnlySet<string> WithReferences(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(RepositoryFiles.Path(next)).Descendants("ProjectReference"))
            {
                var relative = Path.GetRelativePath(RepositoryFiles.Path("."), Path.GetFullPath(Path.Combine(RepositoryFiles.Path(folder), reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                pending.Push(relative.Replace('\\', '/'));
            }
        }

        return found;
    }
}
