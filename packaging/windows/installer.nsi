; Windows installer of the desktop app, over the one-folder bundle that PyInstaller makes from
; packaging/desktop/field-inspector.spec. Per-user: no administrator rights needed on a
; department's laptop. The inspector's data (%LOCALAPPDATA%\FieldInspector: the encrypted store,
; photos, backups) is never touched by the installer or the uninstaller.
;
; On Windows: pyinstaller packaging\desktop\field-inspector.spec, then
;   makensis -DBUNDLE=path\to\field-inspector -DVERSION=0.1.0 -DOUTFILE=out.exe installer.nsi

Unicode true
!include "MUI2.nsh"

!ifndef BUNDLE
  !define BUNDLE "..\..\build\dist\field-inspector"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\build\FieldInspector-${VERSION}-setup.exe"
!endif
!define NAME "Field Inspector"
!define EXE "field-inspector.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FieldInspector"

Name "${NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\FieldInspector"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!ifdef CHECK_ONLY
  SetCompress off  ; `make package` only checks that the script compiles
!else
  SetCompressor /SOLID lzma
!endif

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Russian"
; NSIS 3.08 ships no Kazakh language file: the installer speaks Russian or English
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  ; Upgrade in place: the previous version's program files go first (its uninstaller runs
  ; silently and keeps the data folder), then the new files are written to the same folder.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  StrCmp $0 "" fresh
  IfFileExists "$0\uninstall.exe" 0 fresh
    ExecWait '"$0\uninstall.exe" /S _?=$0'
    Delete "$0\uninstall.exe"
  fresh:
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${NAME}"
  CreateShortcut "$SMPROGRAMS\${NAME}\${NAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Field Inspector"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; only the program folder and the shortcuts: %LOCALAPPDATA%\FieldInspector stays
  Delete "$SMPROGRAMS\${NAME}\${NAME}.lnk"
  RMDir "$SMPROGRAMS\${NAME}"
  Delete "$DESKTOP\${NAME}.lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
