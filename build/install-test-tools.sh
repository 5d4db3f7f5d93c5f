#!/usr/bin/env bash
# Installs what the Pester suite needs on a machine that has only the .NET SDK: pwsh (the PowerShell global tool, from
# NuGet) into .tools/, and Pester 5 (from NuGet) into the NuGet package folder. Idempotent. Prints nothing on success but
# the two paths; exits 0 even when an install fails (the Pester tests then report as skipped, with the reason).
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
tools="$repo/.tools"
if [ ! -x "$tools/pwsh" ]; then
  dotnet tool install --tool-path "$tools" PowerShell --version 7.6.9 >/dev/null 2>&1 || echo "install-test-tools: pwsh could not be installed" >&2
fi
dotnet restore "$repo/build/tools.proj" >/dev/null 2>&1 || echo "install-test-tools: Pester could not be restored" >&2
packages=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: //p')
[ -n "$packages" ] || packages="$HOME/.nuget/packages/"
echo "pwsh=$tools/pwsh"
echo "pester=${packages%/}/pester/5.7.1/tools/Pester.psd1"
exit 0
