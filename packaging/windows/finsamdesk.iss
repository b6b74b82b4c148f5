; Inno Setup 6 script for finsamdesk: a per-user installer (no administrator rights) of the
; one-folder build that packaging/finsamdesk.spec makes on Windows (dist\finsamdesk\*).
;
; Build on Windows with packaging\windows\build_windows.ps1, which runs PyInstaller and then
;     ISCC.exe /DAppVersion=<version from pyproject.toml> packaging\windows\finsamdesk.iss
; Output: dist\finsamdesk-<version>-windows-x64-setup.exe
;
; NOT VERIFIED HERE: this script was written and reviewed against the Inno Setup help
; (jrsoftware.org/ishelp: PrivilegesRequired, PrivilegesRequiredOverridesAllowed,
; DefaultDirName/{autopf}, UsedUserAreasWarning, ArchitecturesAllowed/x64compatible,
; [Languages]) on Linux, where Inno Setup cannot run. It has not been compiled, installed,
; upgraded or uninstalled on Windows yet; do that once before the first release.
; Also unchecked: that compiler:Languages\Swedish.isl is in your Inno Setup (it is an
; official translation in current 6.x releases; older ones had it only among the
; unofficial translations at jrsoftware.org/files/istrans - then put Swedish.isl next to
; this script and use MessagesFile: "Swedish.isl").
;
; Requires Inno Setup 6.3 or later: the x64compatible architecture identifier, and this file
; is UTF-8 without a BOM (Swedish text below), which Inno Setup reads as UTF-8 from 6.3 on.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is required to compile this script
#endif

#define AppName "finsamdesk"
#define AppExeName "finsamdesk.exe"
; Normally passed by build_windows.ps1 (/DAppVersion=...) from pyproject.toml.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Relative to this script's folder (packaging\windows).
#define DistDir "..\..\dist"

[Setup]
; AppId identifies the program for upgrades and the uninstaller: never change it.
; (The doubled "{{" is how Inno Setup writes a literal "{".)
AppId={{30C5C963-C104-4125-9167-815C0B9300F6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Ansökningar, insatser, budget och deltagare för ett samordningsförbund
; Per-user install: no UAC prompt, files under the user's profile, uninstall entry in HKCU.
; "lowest" = always non administrative install mode. PrivilegesRequiredOverridesAllowed is
; deliberately not set, so an all-users install (Program Files, HKLM) cannot be chosen.
PrivilegesRequired=lowest
; In non administrative install mode {autopf} is {userpf}, i.e.
; %LOCALAPPDATA%\Programs, so this is %LOCALAPPDATA%\Programs\finsamdesk.
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; The compiler warns when an admin-mode install uses per-user areas; this one never runs in
; admin mode, so the warning cannot apply.
UsedUserAreasWarning=no
; PySide6 wheels are 64-bit only; Windows 10 or later (Qt 6).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=finsamdesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir={#DistDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
; Close a running finsamdesk before files are replaced (Restart Manager).
CloseApplications=yes

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole PyInstaller folder, so no library of the old version is left
; next to the new ones. Only the program folder: the user's data file, settings and logs are
; under %LOCALAPPDATA%\finsamdesk (platformdirs) and are never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\finsamdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {autoprograms} and {autodesktop} are the user's own Start menu and desktop in this mode.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Samordningsförbundets skrivbord"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [Registry] section: the only registry writes are Inno Setup's own uninstall entry, which
; in non administrative install mode goes to HKCU. No file association for .sqlite (too
; generic: an .sqlite file is not always a finsamdesk file).
; No [UninstallDelete]: uninstalling leaves the user's data (%LOCALAPPDATA%\finsamdesk).
