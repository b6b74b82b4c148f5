<#
.SYNOPSIS
    Builds the finsamdesk Windows installer: PyInstaller one-folder build, smoke test, Inno Setup.

.DESCRIPTION
    Run on a Windows 10/11 x64 machine from a clone of the repository:

        powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1

    Needs Python 3.11 or later (x64, from python.org: the "py" launcher is used when present)
    and Inno Setup 6.3 or later (https://jrsoftware.org/isinfo.php; ISCC.exe is looked for in
    the usual install folders, or pass -Iscc).

    Steps (each run first removes the previous run's output):
      1. a fresh venv in build\packaging-venv, "pip install ." (not editable) and the pinned
         PyInstaller from packaging\requirements-build.txt;
      2. PyInstaller with packaging\finsamdesk.spec into dist\finsamdesk\ (finsamdesk.exe without a
         console window, finsamdesk-cli.exe with one);
      3. smoke test: "finsamdesk-cli.exe --self-test" (offscreen) must exit 0 and print its
         final line ("...test klart"), and "finsamdesk-cli.exe templates list" must work;
      4. ISCC.exe packaging\windows\finsamdesk.iss -> dist\finsamdesk-<version>-windows-x64-setup.exe

    NOT VERIFIED: written on Linux, where neither PyInstaller for Windows nor Inno Setup can
    run. Run it once on Windows and fix what it finds before relying on it.
    This file is kept ASCII-only on purpose: Windows PowerShell 5.1 reads a .ps1 without a
    BOM in the ANSI code page.

.PARAMETER Python
    Command that starts the Python used for the venv, e.g. "py -3.12" or a full path to python.exe.

.PARAMETER Iscc
    Full path to ISCC.exe when it is not in a standard Inno Setup 6 folder or on PATH.

.PARAMETER SkipInstaller
    Build and smoke-test dist\finsamdesk only, without Inno Setup.
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
$started = Get-Date

function Step([string]$text) { Write-Host ""; Write-Host "==> $text" -ForegroundColor Cyan }

# Runs a native program and stops the script when its exit code is not 0.
function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed (exit code $LASTEXITCODE)" }
}

$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $root
$venv = Join-Path $root "build\packaging-venv"
$work = Join-Path $root "build\pyinstaller"
$dist = Join-Path $root "dist"
$bundle = Join-Path $dist "finsamdesk"
$venvPython = Join-Path $venv "Scripts\python.exe"
$env:PIP_DISABLE_PIP_VERSION_CHECK = "1"
Remove-Item Env:PYTHONPATH -ErrorAction SilentlyContinue

Step "Checking the tools"
if ($Python -eq "") {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py -3" } else { $Python = "python" }
}
$pythonExe, $pythonArgs = $Python -split " ", 2
$pythonArgs = @($pythonArgs | Where-Object { $_ })
& $pythonExe @pythonArgs -c "import sys, struct; sys.exit(sys.version_info < (3, 11) or struct.calcsize('P') != 8)"
if ($LASTEXITCODE -ne 0) { throw "'$Python' is not a 64-bit Python 3.11 or later (use -Python)" }
$version = (& $pythonExe @pythonArgs -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0 -or $version -eq "") { throw "could not read the version from pyproject.toml" }
Write-Host "finsamdesk $version"

if (-not $SkipInstaller) {
    if ($Iscc -eq "") {
        $candidates = @(
            (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
            (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
        )
        $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $Iscc) {
            $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
            if ($onPath) { $Iscc = $onPath.Source }
        }
    }
    if (-not $Iscc -or -not (Test-Path $Iscc)) {
        throw "ISCC.exe (Inno Setup 6) not found: install Inno Setup 6.3 or later, pass -Iscc, or use -SkipInstaller"
    }
    Write-Host "Inno Setup: $Iscc"
}

Step "Removing the previous build"
foreach ($path in @($venv, $work, $bundle, (Join-Path $root "build\lib"))) {
    if (Test-Path $path) { Remove-Item -Recurse -Force $path }
}
Get-ChildItem -Path (Join-Path $root "build") -Filter "bdist.*" -Directory -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force
Get-ChildItem -Path $dist -Filter "finsamdesk-*-windows-*-setup.exe" -ErrorAction SilentlyContinue | Remove-Item -Force

Step "Creating $venv and installing finsamdesk (pip install .) and PyInstaller"
Invoke-Checked $pythonExe ($pythonArgs + @("-m", "venv", $venv))
Invoke-Checked $venvPython @("-m", "pip", "install", "--quiet", ".", "-r", "packaging\requirements-build.txt")
# -P: the installed copy, not the source tree in the current folder.
Invoke-Checked $venvPython @("-P", "-c", "import finsamdesk, PySide6; print('finsamdesk from', finsamdesk.__file__); print('PySide6', PySide6.__version__)")

Step "Running PyInstaller"
Push-Location (Join-Path $root "build")
try {
    Invoke-Checked (Join-Path $venv "Scripts\pyinstaller.exe") @(
        "--noconfirm", "--clean", "--distpath", $dist, "--workpath", $work,
        (Join-Path $root "packaging\finsamdesk.spec"))
} finally {
    Pop-Location
}
foreach ($exe in @("finsamdesk.exe", "finsamdesk-cli.exe")) {
    if (-not (Test-Path (Join-Path $bundle $exe))) { throw "PyInstaller made no $bundle\$exe" }
}
$qm = Get-ChildItem -Path $bundle -Recurse -Filter "*.qm" | ForEach-Object { $_.Name }
Write-Host "Qt translations kept: $($qm -join ', ')"
if ($qm -notcontains "qtbase_sv.qm") { throw "qtbase_sv.qm is missing from the bundle" }

Step "Smoke test"
$smoke = Join-Path ([System.IO.Path]::GetTempPath()) ("finsamdesk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $smoke | Out-Null
$cli = Join-Path $bundle "finsamdesk-cli.exe"
$env:FINSAMDESK_HOME = Join-Path $smoke "home"   # never the real user's data or settings
$env:QT_QPA_PLATFORM = "offscreen"
Push-Location $smoke
try {
    $out = & $cli --self-test
    $code = $LASTEXITCODE
    $out | ForEach-Object { Write-Host $_ }
    # Matched without the a-umlaut of "sj\u00e4lvtest": the console code page may mangle it.
    if ($code -ne 0 -or -not ($out -match "test klart")) { throw "finsamdesk-cli.exe --self-test failed (exit code $code)" }
    $out = & $cli templates list
    $code = $LASTEXITCODE
    $out | ForEach-Object { Write-Host $_ }
    if ($code -ne 0 -or -not ($out -match "neutral")) { throw "finsamdesk-cli.exe templates list failed (exit code $code)" }
} finally {
    Pop-Location
    Remove-Item Env:FINSAMDESK_HOME, Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $smoke -ErrorAction SilentlyContinue
}

$bundleMb = [math]::Round(((Get-ChildItem -Path $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB), 1)
if (-not $SkipInstaller) {
    Step "Compiling the installer with Inno Setup"
    Invoke-Checked $Iscc @("/Q", "/DAppVersion=$version", (Join-Path $root "packaging\windows\finsamdesk.iss"))
    $setup = Join-Path $dist "finsamdesk-$version-windows-x64-setup.exe"
    if (-not (Test-Path $setup)) { throw "ISCC made no $setup" }
    $setupMb = [math]::Round((Get-Item $setup).Length / 1MB, 1)
    Write-Host "installer: $setupMb MB  $setup"
}
Step "Done"
Write-Host "bundle: $bundleMb MB  $bundle"
Write-Host ("build time: {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
