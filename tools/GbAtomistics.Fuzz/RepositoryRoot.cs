namespace GbAtomistics.Fuzz;

/// <summary>Finds the repository root (the folder holding GbAtomistics.sln) above the working or program folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "GbAtomistics.sln")))
                {
                    return d.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("GbAtomistics.sln not found above the working folder");
    }
}
