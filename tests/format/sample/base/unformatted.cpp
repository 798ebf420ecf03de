// Written against the style on purpose (tests/format/format.cmake).
int  Unformatted( int x ){ return x+1; }
