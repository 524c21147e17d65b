#include "gtkshim.h"
