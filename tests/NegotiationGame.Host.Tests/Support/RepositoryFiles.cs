namespace NegotiationGame.Host.Tests.Support;

/// <summary>Files of the repository itself (the docs whose examples and tables the tests check).</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NegotiationGame.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, relative);
            }
        }

        throw new FileNotFoundException($"No NegotiationGame.sln above {AppContext.BaseDirectory}.");
    }
}
